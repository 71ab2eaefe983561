package dev.steelyard.kpi.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.steelyard.chassis.events.EventJson;
import dev.steelyard.chassis.events.IncomingEvent;
import dev.steelyard.kpi.receivables.ArMovements;
import dev.steelyard.kpi.receivables.Movement;

/** kpi-service's readers turn the example events of each contract into the movements they make. */
class TolerantReadersTest {

    private static IncomingEvent example(String type, String file) throws IOException {
        try (InputStream in = TolerantReadersTest.class.getResourceAsStream("/events/" + file)) {
            return new IncomingEvent("id-" + file, type, "/test", null, null, "ar.test", "391/0379-NEVHP",
                    (ObjectNode) EventJson.MAPPER.readTree(in));
        }
    }

    private static List<Movement> movements(String type) throws IOException {
        return ArMovements.of(example(type, type + ".json"));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void invoiceIssuedRaisesArAndSalesOnItsIssueDateWithItsDueDate() throws IOException {
        Movement invoice = movements("InvoiceIssued.v1").get(0);
        assertEquals(Movement.Kind.INVOICE, invoice.kind());
        assertEquals(d("1904.00"), invoice.arChange());
        assertEquals(d("1904.00"), invoice.salesChange());
        assertEquals(LocalDate.parse("2013-01-02"), invoice.businessDate());
        assertEquals(LocalDate.parse("2013-02-01"), invoice.dueDate());
        assertEquals("EUR", invoice.currency());
    }

    @Test
    void creditNoteAgainstAnInvoiceLowersItsOpenAmountAndSales() throws IOException {
        Movement note = movements("CreditNoteIssued.v1").get(0);
        assertEquals("2013-000117", note.invoiceNumber());
        assertEquals(d("-190.40"), note.arChange());
        assertEquals(d("-190.40"), note.salesChange());
    }

    @Test
    void creditNoteWithoutInvoiceLowersSalesAndIsUnallocatedCredit() throws IOException {
        Movement note = ArMovements.of(example("CreditNoteIssued.v1", "CreditNoteIssued.v1.unallocated.json")).get(0);
        assertEquals(null, note.invoiceNumber());
        assertEquals(d("0"), note.arChange());
        assertEquals(d("-50.00"), note.salesChange());
        assertEquals(d("50.00"), note.unallocatedCreditChange());
    }

    @Test
    void cancellationTakesTheInvoiceOffArAndSalesOnItsDate() throws IOException {
        Movement cancellation = movements("InvoiceCancelled.v1").get(0);
        assertEquals(d("-952.00"), cancellation.arChange());
        assertEquals(d("-952.00"), cancellation.salesChange());
        assertEquals(LocalDate.parse("2013-01-04"), cancellation.businessDate());
    }

    @Test
    void paymentSettlesAllocatedInvoicesAndKeepsTheRestAsUnappliedCash() throws IOException {
        List<Movement> payment = movements("PaymentReceived.v1");
        assertEquals(2, payment.size());
        assertEquals(d("-55.94"), payment.get(0).arChange());
        assertEquals("0000611365", payment.get(0).invoiceNumber());
        assertEquals(d("4.06"), payment.get(1).unappliedCashChange());
        assertEquals(LocalDate.parse("2013-01-15"), payment.get(1).businessDate());
    }

    @Test
    void appliedUnappliedCashSettlesTheInvoiceAndLeavesUnappliedCash() throws IOException {
        Movement applied = movements("UnappliedCashApplied.v1").get(0);
        assertEquals(d("-4.06"), applied.arChange());
        assertEquals(d("-4.06"), applied.unappliedCashChange());
        assertEquals(LocalDate.parse("2013-01-20"), applied.businessDate());
    }

    @Test
    void reversalReopensEachReversedAllocationOnTheReversalDate() throws IOException {
        List<Movement> reversal = movements("PaymentReversed.v1");
        assertEquals(List.of(d("4.06"), d("55.94")), reversal.stream().map(Movement::arChange).toList());
        assertEquals(LocalDate.parse("2013-02-03"), reversal.get(0).businessDate());
    }

    @Test
    void moreDecimalsThanTheCurrencyHasIsRejected() throws IOException {
        IncomingEvent event = example("InvoiceIssued.v1", "InvoiceIssued.v1.json");
        ((ObjectNode) event.data()).put("amount", "1.001");
        assertThrows(IllegalArgumentException.class, () -> ArMovements.of(event));
    }
}
