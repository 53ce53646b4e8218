package io.github.camelawsevents.aws.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.supplychain.SupplyChainClient;
import software.amazon.awssdk.services.supplychain.model.AccessDeniedException;
import software.amazon.awssdk.services.supplychain.model.ConflictException;
import software.amazon.awssdk.services.supplychain.model.InternalServerException;
import software.amazon.awssdk.services.supplychain.model.ResourceNotFoundException;
import software.amazon.awssdk.services.supplychain.model.SupplyChainException;
import software.amazon.awssdk.services.supplychain.model.ThrottlingException;
import software.amazon.awssdk.services.supplychain.model.ValidationException;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.github.camelawsevents.aws.emulator.SupplyChainSendTest.INSTANCE;
import static io.github.camelawsevents.aws.emulator.SupplyChainSendTest.inboundOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every Supply Chain error the emulator sends arrives as the SDK's modelled exception class with its status. */
class SupplyChainErrorMappingTest {

    @RegisterExtension
    static final AwsEventsEmulatorExtension AWS = new AwsEventsEmulatorExtension();

    static SupplyChainClient scn;

    @BeforeAll
    static void clients() {
        scn = SdkClients.supplyChain(AWS.emulator());
    }

    @AfterAll
    static void closeClients() {
        scn.close();
    }

    @Test
    void eachErrorTypeMapsToItsSdkException() {
        Map<Class<? extends SupplyChainException>, SupplyChainException> seen = new LinkedHashMap<>();

        seen.put(ValidationException.class, catchThrowableOfType(ValidationException.class,
                () -> scn.sendDataIntegrationEvent(inboundOrder().eventType("x").build())));
        try (SupplyChainClient stranger = SdkClients.supplyChain(AWS.emulator(),
                SdkClients.credentials("AKIASTRANGER00000000", "s"), AWS.emulator().region())) {
            seen.put(AccessDeniedException.class, catchThrowableOfType(AccessDeniedException.class,
                    () -> stranger.sendDataIntegrationEvent(inboundOrder().build())));
        }
        seen.put(ResourceNotFoundException.class, catchThrowableOfType(ResourceNotFoundException.class,
                () -> scn.getDataIntegrationEvent(b -> b.instanceId(INSTANCE).eventId("0a1b2c3d-0000-4000-8000-00000000abcd"))));
        String token = "mapping-token-0123456789-0123456789-0";
        scn.sendDataIntegrationEvent(inboundOrder().clientToken(token).build());
        seen.put(ConflictException.class, catchThrowableOfType(ConflictException.class,
                () -> scn.sendDataIntegrationEvent(inboundOrder().clientToken(token).eventGroupId("other").build())));
        AWS.emulator().faults().set(FaultSettings.builder().requestThrottleRate(1).build());
        seen.put(ThrottlingException.class, catchThrowableOfType(ThrottlingException.class,
                () -> scn.sendDataIntegrationEvent(inboundOrder().build())));
        AWS.emulator().faults().set(FaultSettings.builder().serverErrorRate(1).build());
        seen.put(InternalServerException.class, catchThrowableOfType(InternalServerException.class,
                () -> scn.sendDataIntegrationEvent(inboundOrder().build())));

        Map<Class<?>, Integer> statuses = new LinkedHashMap<>();
        seen.forEach((type, e) -> {
            assertThat(e).as(type.getSimpleName()).isNotNull();
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type.getSimpleName());
            statuses.put(type, e.statusCode());
        });
        assertThat(statuses).containsExactly(
                Map.entry(ValidationException.class, 400),
                Map.entry(AccessDeniedException.class, 403),
                Map.entry(ResourceNotFoundException.class, 404),
                Map.entry(ConflictException.class, 409),
                Map.entry(ThrottlingException.class, 429),
                Map.entry(InternalServerException.class, 500));
        assertThat(seen.get(ThrottlingException.class).isThrottlingException()).isTrue();
    }
}
