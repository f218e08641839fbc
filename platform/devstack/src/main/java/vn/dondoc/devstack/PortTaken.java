package vn.dondoc.devstack;

/** Another program already listens on a port the local stack needs. */
public final class PortTaken extends RuntimeException {

    PortTaken(int port, String what) {
        super("Cổng %d đang bận — %s cần cổng này / port %d is taken; %s needs it".formatted(port, what, port, what));
    }
}
