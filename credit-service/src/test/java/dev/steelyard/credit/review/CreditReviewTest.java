package dev.steelyard.credit.review;

import static dev.steelyard.credit.Credit.awaitCredit;
import static dev.steelyard.credit.Credit.field;
import static dev.steelyard.credit.Credit.issue;
import static dev.steelyard.credit.Credit.newEntity;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.credit.Credit;
import dev.steelyard.credit.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class CreditReviewTest {

    @Inject
    TestClock clock;

    @Inject
    CreditReview review;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void newCustomerInClassCIsReviewedEvery90Days() {
        String entity = newEntity();
        issue(entity, "C-1", "INV-1", "700.00", "2025-07-31", null);
        JsonPath credit = awaitCredit(entity, "C-1", field("openAR", "700.00"));
        assertEquals("C 2025-09-28", credit.getString("riskClass") + " " + credit.getString("nextReviewDate"));

        clock.set(Instant.parse("2025-09-28T08:00:00Z"));
        review.reviewDue();
        assertEquals("2025-12-27", Credit.credit(entity, "C-1").getString("nextReviewDate"));
    }

    @Test
    void invoicePassingThePastDueThresholdHoldsCreditOnTheDayWithoutAnyEvent() {
        String entity = newEntity();
        // Due 2025-05-15: 46 days past due today, 61 on 2025-07-15 (threshold 60).
        issue(entity, "C-1", "INV-1", "700.00", "2025-05-15", null);
        awaitCredit(entity, "C-1", field("openAR", "700.00"));
        assertEquals(false, Credit.credit(entity, "C-1").getBoolean("hold"));

        clock.set(Instant.parse("2025-07-14T08:00:00Z"));
        review.reviewDue();
        assertEquals(false, Credit.credit(entity, "C-1").getBoolean("hold"));

        clock.set(Instant.parse("2025-07-15T08:00:00Z"));
        review.reviewDue();
        assertEquals(List.of("oldest past-due invoice is 61 days past due, more than 60"),
                Credit.credit(entity, "C-1").getList("reasons"));
    }
}
