package dev.steelyard.payments.payment;

import java.time.LocalDate;
import java.util.List;

import dev.steelyard.chassis.money.Money;

/** A payment as a channel reported it (webhook or API), validated and ready to record. */
public record IncomingPayment(String source, String gatewayTransactionId, String legalEntity, String customerId,
        Money amount, LocalDate valueDate, String method, List<String> remittanceReferences) {
}
