package kz.qazdigest.console;

import java.util.concurrent.atomic.AtomicLong;
import kz.qazdigest.delivery.ChatGateway;
import kz.qazdigest.delivery.DeliveryException;
import kz.qazdigest.delivery.Lane;
import kz.qazdigest.delivery.MessageQueue;
import kz.qazdigest.delivery.OutgoingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's message queue: each message goes to the terminal at once. The console has no rate limits
 * and nothing to survive a crash, so the outbox and the paced sender would only add waiting.
 */
public final class DirectQueue implements MessageQueue {
    private static final Logger log = LoggerFactory.getLogger(DirectQueue.class);

    private final ChatGateway gateway;
    private final AtomicLong ids = new AtomicLong();

    public DirectQueue(ChatGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public long enqueue(long chatId, OutgoingMessage message, Lane lane) {
        try {
            gateway.send(chatId, message);
        } catch (DeliveryException e) {
            log.warn("console: message not shown: {}", e.getMessage());
        }
        return ids.incrementAndGet();
    }
}
