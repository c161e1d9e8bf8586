package kz.qazdigest.bot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import kz.qazdigest.delivery.ChatGateway;
import kz.qazdigest.delivery.DeliveryException;
import kz.qazdigest.delivery.Lane;
import kz.qazdigest.delivery.MessageQueue;
import kz.qazdigest.delivery.OutgoingMessage;

/** Test queue: delivers each message through the gateway at once (the paced outbox is the delivery helper's). */
final class GatewayQueue implements MessageQueue {
    /** sentId: the message id the gateway returned, 0 when sending failed. */
    record Queued(long chatId, OutgoingMessage message, Lane lane, int sentId) {}

    private final ChatGateway gateway;
    private final AtomicLong ids = new AtomicLong();
    final List<Queued> queued = new CopyOnWriteArrayList<>();
    final List<DeliveryException> failures = new CopyOnWriteArrayList<>();

    GatewayQueue(ChatGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public long enqueue(long chatId, OutgoingMessage message, Lane lane) {
        int sentId = 0;
        try {
            sentId = gateway.send(chatId, message);
        } catch (DeliveryException e) {
            failures.add(e);
        }
        queued.add(new Queued(chatId, message, lane, sentId));
        return ids.incrementAndGet();
    }
}
