package dev.steelyard.invoicing.invoice;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.web.ConflictException;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.chassis.web.Problem;
import dev.steelyard.chassis.web.ProblemMappers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** Issues a batch item by item, each in its own transaction, so one bad invoice spoils nothing else. */
@ApplicationScoped
public class InvoiceBatch {

    /** What became of each item, and the counts. */
    public record Result(int created, int replayed, int rejected, List<ItemResult> items) {
    }

    /** What became of one item: created, replayed or rejected with the problem. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(int index, String invoiceNumber, String status, InvoiceView invoice, Problem problem) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Inject
    InvoiceIssuing issuing;

    @Inject
    EntityScope scope;

    public Result issueAll(List<JsonNode> invoices) {
        List<ItemResult> results = new ArrayList<>();
        int created = 0;
        int replayed = 0;
        for (int index = 0; index < invoices.size(); index++) {
            JsonNode item = invoices.get(index);
            String number = item != null && item.hasNonNull("invoiceNumber") ? item.get("invoiceNumber").asText() : null;
            try {
                NewInvoice request = read(item);
                scope.requireVisible(request.legalEntity(), "Legal entity " + request.legalEntity());
                InvoiceIssuing.Outcome outcome = issuing.issue(request, null);
                results.add(new ItemResult(index, number, outcome.created() ? "created" : "replayed",
                        InvoiceView.of(outcome.invoice()), null));
                if (outcome.created()) {
                    created++;
                } else {
                    replayed++;
                }
            } catch (InvalidInputException e) {
                results.add(rejected(index, number, Problem.invalid(e.violations())));
            } catch (ConflictException e) {
                results.add(rejected(index, number, new Problem("https://steelyard.dev/problems/conflict", "Conflict",
                        409, e.getMessage(), e.field(), null, List.of())));
            } catch (jakarta.ws.rs.NotFoundException e) {
                results.add(rejected(index, number, Problem.of(404, "Not Found", e.getMessage())));
            }
        }
        return new Result(created, replayed, invoices.size() - created - replayed, results);
    }

    private NewInvoice read(JsonNode item) {
        if (item == null || !item.isObject()) {
            throw new InvalidInputException("body", "type", "must be a JSON object");
        }
        NewInvoice request;
        try {
            request = json.treeToValue(item, NewInvoice.class);
        } catch (JsonMappingException e) {
            throw new InvalidInputException(ProblemMappers.pathOf(e), "value", e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "json", e.getOriginalMessage());
        }
        Set<ConstraintViolation<NewInvoice>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(ProblemMappers.violationsOf(violations));
        }
        return request;
    }

    private static ItemResult rejected(int index, String number, Problem problem) {
        return new ItemResult(index, number, "rejected", null, problem);
    }
}
