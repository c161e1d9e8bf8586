package kz.qazdigest.delivery;

/** Sending priority: answers to commands first, then digests, then broadcasts. */
public enum Lane {
    REPLY(0), DIGEST(1), BROADCAST(2);

    private final int priority;

    Lane(int priority) {
        this.priority = priority;
    }

    public int priority() {
        return priority;
    }

    public static Lane ofPriority(int priority) {
        for (Lane lane : values()) {
            if (lane.priority == priority) {
                return lane;
            }
        }
        throw new IllegalArgumentException("no lane with priority " + priority);
    }
}
