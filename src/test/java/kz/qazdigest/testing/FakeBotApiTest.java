package kz.qazdigest.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** The fake must speak the real client's dialect, or every test built on it proves nothing. */
class FakeBotApiTest {
    final FakeBotApi fake = new FakeBotApi();

    @AfterEach
    void close() {
        fake.close();
    }

    private TelegramUrl url() {
        return new TelegramUrl("http", "127.0.0.1", fake.url().getPort(), false);
    }

    @Test
    void theRealClientSendsAndTheFakeRecords() throws Exception {
        OkHttpTelegramClient client = new OkHttpTelegramClient(fake.token(), url());
        var sent = client.execute(SendMessage.builder().chatId(42L).text("Сәлем <b>").build());
        assertThat(sent.getMessageId()).isPositive();
        assertThat(fake.sentTexts(42)).containsExactly("Сәлем <b>");
    }

    @Test
    void scriptedFailuresReachTheClientWithTheirParameters() {
        OkHttpTelegramClient client = new OkHttpTelegramClient(fake.token(), url());
        fake.failNext("sendMessage", FakeBotApi.Failure.tooManyRequests(7));
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(1L).text("x").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(429);
                    assertThat(e.getParameters().getRetryAfter()).isEqualTo(7);
                });
        fake.failChat(5, FakeBotApi.Failure.blocked());
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(5L).text("x").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> assertThat(e.getErrorCode()).isEqualTo(403));
    }

    @Test
    void theRealLongPollerReceivesQueuedUpdates() throws Exception {
        List<Update> received = new CopyOnWriteArrayList<>();
        try (TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication()) {
            app.registerBot(fake.token(), this::url, new DefaultGetUpdatesGenerator(), received::addAll);
            fake.pushMessage(7, "/start", "kk");
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
            assertThat(received.get(0).getMessage().getText()).isEqualTo("/start");
            assertThat(received.get(0).getMessage().getFrom().getLanguageCode()).isEqualTo("kk");
            assertThat(fake.calls("deleteWebhook")).hasSize(1);
        }
    }
}
