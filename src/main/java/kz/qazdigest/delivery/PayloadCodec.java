package kz.qazdigest.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** OutgoingMessage <-> the JSON kept in outbox.payload. */
final class PayloadCodec {
    private static final ObjectMapper JSON = JsonMapper.builder()
            // isEdit() is derived, not a field: ignore it on the way back
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .build();

    private PayloadCodec() {
    }

    static String encode(OutgoingMessage message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbox: cannot encode message: " + e.getOriginalMessage(), e);
        }
    }

    static OutgoingMessage decode(String json) {
        try {
            return JSON.readValue(json, OutgoingMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbox: unreadable payload: " + e.getOriginalMessage(), e);
        }
    }
}
