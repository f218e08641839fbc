package vn.dondoc.devstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.dondoc.testing.MongoWire;

/** A MongoDB-wire server (mongo-java-server) keeping its data in an H2 file, so the data survives restarts. */
final class Mongo implements AutoCloseable {

    private final H2Backend backend;
    private final MongoServer server;
    private final String uri;

    private Mongo(H2Backend backend, MongoServer server, String uri) {
        this.backend = backend;
        this.server = server;
        this.uri = uri;
    }

    static Mongo start(Path folder, int port) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var backend = new AnsweringHello(folder.resolve("dondoc.mv").toAbsolutePath().toString());
        // the services' tests run with an oplog (platform/testing); keep the local stack the same
        backend.enableOplog();
        var server = new MongoServer(backend);
        try {
            server.bind("localhost", port);
        } catch (RuntimeException e) {
            backend.close();
            throw new StackFailed("MongoDB: cannot listen on port " + port, e);
        }
        return new Mongo(backend, server, "mongodb://localhost:" + port);
    }

    /** Answers like MongoDB where mongo-java-server does not (see {@link MongoWire}). */
    private static final class AnsweringHello extends H2Backend {

        AnsweringHello(String file) {
            super(file);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            return MongoWire.handle(command, query, (name, document) -> super.handleCommand(channel, database, name, document));
        }
    }

    String uri() {
        return uri;
    }

    @Override
    public void close() {
        server.shutdownNow();
        // writes the last changes to the file
        backend.close();
    }
}
