package vn.dondoc.devstack;

/** A part of the local stack could not start; the message says which and why. */
public final class StackFailed extends RuntimeException {

    StackFailed(String message) {
        super(message);
    }

    StackFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
