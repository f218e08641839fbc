package vn.dondoc.testing;

import de.bwaldvogel.mongo.bson.Document;
import java.util.function.BiFunction;

/**
 * What our MongoDB stand-in (mongo-java-server, in tests and the local stack) must answer like MongoDB does.
 * Version 1.47 knows {@code hello} only by its old name {@code isMaster}; Spring Boot's health check sends
 * {@code hello}, so without this every service would report DOWN.
 */
public final class MongoWire {

    private MongoWire() {
    }

    /**
     * @param command the command's name
     * @param query   the command document
     * @param handler the backend's own handling: (command name, command document) → answer
     */
    public static Document handle(String command, Document query, BiFunction<String, Document, Document> handler) {
        if (command.equals("hello")) {
            Document answer = handler.apply("isMaster", query);
            answer.put("isWritablePrimary", answer.get("ismaster"));
            return answer;
        }
        return handler.apply(command, query);
    }
}
