package vn.dondoc.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** Kafka (KRaft, in-process), mongo-java-server in memory, GreenMail SMTP + IMAP and the SMS simulator. */
final class EmbeddedInfrastructure implements Infrastructure {

    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoServer mongo;
    private final GreenMail greenMail;
    private final SmsSimulator sms;

    EmbeddedInfrastructure() {
        kafka = EmbeddedKafka.start();
        var backend = new MemoryBackend() {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return MongoWire.handle(command, query, (name, document) -> super.handleCommand(channel, database, name, document));
            }
        };
        backend.enableOplog();
        mongo = new MongoServer(backend);
        mongo.bind("127.0.0.1", 0);
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        sms = SmsSimulator.start(0);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public String mongoUri() {
        return "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
    }

    @Override
    public String smtpHost() {
        return "127.0.0.1";
    }

    @Override
    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    @Override
    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    @Override
    public Mailbox mailbox() {
        return () -> List.of(greenMail.getReceivedMessages());
    }

    @Override
    public SmsSimulator sms() {
        return sms;
    }

    /** The GreenMail server itself, for tests that stop SMTP or read mailboxes over IMAP. */
    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void stop() {
        sms.close();
        greenMail.stop();
        mongo.shutdownNow();
        kafka.destroy();
    }
}
