package kz.qazdigest.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import kz.qazdigest.testing.FakeBotApi;
import kz.qazdigest.testing.FakeBotApi.Failure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TelegramGatewayTest {
    final FakeBotApi fake = new FakeBotApi();
    final TelegramGateway gateway = new TelegramGateway(TelegramGateway.client(fake.token(), fake.url(), Duration.ofSeconds(2)));

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void sendsHtmlWithKeyboardAndNoPreview() throws Exception {
        OutgoingMessage message = OutgoingMessage.html("<b>Қатар</b> &amp; Spain")
                .withKeyboard(List.of(List.of(new OutgoingMessage.InlineButton("✅ Qatar", "t:qatar"))));
        int id = gateway.send(77, message);
        assertThat(id).isPositive();
        var body = fake.calls("sendMessage").get(0).body();
        assertThat(body.path("parse_mode").asText()).isEqualTo("HTML");
        assertThat(body.path("link_preview_options").path("is_disabled").asBoolean()).isTrue();
        assertThat(body.path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText()).isEqualTo("t:qatar");
    }

    @Test
    void editsInPlaceAndTreatsNotModifiedAsDone() throws Exception {
        gateway.send(77, OutgoingMessage.plain("page 2").editing(5));
        assertThat(fake.calls("editMessageText").get(0).body().path("message_id").asInt()).isEqualTo(5);
        fake.failNext("editMessageText", Failure.error(400, "Bad Request: message is not modified"));
        assertThat(gateway.send(77, OutgoingMessage.plain("page 2").editing(5))).isEqualTo(5);
    }

    @Test
    void keepsTheAdminsFormattingEntities() throws Exception {
        var bold = new OutgoingMessage.TextEntity("bold", 0, 5, null, null, null);
        gateway.send(1, new OutgoingMessage("Hello <world>", OutgoingMessage.TextFormat.PLAIN, List.of(), false, null, List.of(bold)));
        var body = fake.calls("sendMessage").get(0).body();
        assertThat(body.has("parse_mode")).isFalse();
        assertThat(body.path("entities").get(0).path("type").asText()).isEqualTo("bold");
        assertThat(body.path("text").asText()).isEqualTo("Hello <world>");
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(Failure.tooManyRequests(35), DeliveryException.Reason.RATE_LIMITED),
                Arguments.of(Failure.blocked(), DeliveryException.Reason.BLOCKED),
                Arguments.of(Failure.error(403, "Forbidden: user is deactivated"), DeliveryException.Reason.BLOCKED),
                Arguments.of(Failure.chatNotFound(), DeliveryException.Reason.CHAT_NOT_FOUND),
                Arguments.of(Failure.migrated(-100123), DeliveryException.Reason.MIGRATED),
                Arguments.of(Failure.error(400, "Bad Request: can't parse entities"), DeliveryException.Reason.BAD_REQUEST),
                Arguments.of(Failure.serverError(), DeliveryException.Reason.TRANSIENT),
                Arguments.of(Failure.error(502, "Bad Gateway"), DeliveryException.Reason.TRANSIENT),
                Arguments.of(Failure.hang(Duration.ofSeconds(5)), DeliveryException.Reason.TRANSIENT));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void classifiesTelegramsAnswers(Failure failure, DeliveryException.Reason reason) {
        fake.failNext("sendMessage", failure);
        assertThatThrownBy(() -> gateway.send(9, OutgoingMessage.plain("x")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    if (reason == DeliveryException.Reason.RATE_LIMITED) {
                        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(35));
                    }
                    if (reason == DeliveryException.Reason.MIGRATED) {
                        assertThat(e.migrateToChatId()).isEqualTo(-100123L);
                    }
                    assertThat(e.getMessage()).doesNotContain(fake.token());
                });
    }
}
