package vn.dondoc.events.kafka;

/** A record that was read but makes no sense to its consumer; retrying cannot help, so it is dead-lettered at once. */
public class InvalidEvent extends RuntimeException {

    public InvalidEvent(String message) {
        super(message);
    }
}
