package dev.steelyard.collections;

import dev.steelyard.chassis.testing.ServiceContractTest;
import dev.steelyard.chassis.testing.SteelyardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
@WithTestResource(GreenMailResource.class)
class CollectionsServiceContractTest extends ServiceContractTest {
}
