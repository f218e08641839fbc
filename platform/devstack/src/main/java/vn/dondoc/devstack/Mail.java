package vn.dondoc.devstack;

import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail: IMAP, and SMTP as a server of its own over the same mail store, so that SMTP can go down and come
 * back (same port) while the mailboxes and IMAP stay. Accounts appear with the first mail; login = password =
 * the address.
 */
final class Mail implements AutoCloseable {

    private final GreenMail imap;
    private final ServerSetup smtpSetup;
    private SmtpServer smtp;

    private Mail(GreenMail imap, ServerSetup smtpSetup) {
        this.imap = imap;
        this.smtpSetup = smtpSetup;
    }

    static Mail start(int smtpPort, int imapPort) {
        var imap = new GreenMail(new ServerSetup(imapPort, "localhost", ServerSetup.PROTOCOL_IMAP));
        imap.start();
        var mail = new Mail(imap, new ServerSetup(smtpPort, "localhost", ServerSetup.PROTOCOL_SMTP));
        try {
            mail.startSmtp();
        } catch (RuntimeException e) {
            imap.stop();
            throw e;
        }
        return mail;
    }

    /** Closes the port and every open SMTP connection; mail already received stays readable over IMAP. */
    synchronized void stopSmtp() {
        if (smtp != null) {
            smtp.stopService();
            smtp = null;
        }
    }

    synchronized void startSmtp() {
        if (smtp != null) {
            return;
        }
        // a stopped server is a finished thread: a new one on the same store
        var server = new SmtpServer(smtpSetup, imap.getManagers());
        server.startService();
        try {
            if (!server.waitTillRunning(smtpSetup.getServerStartupTimeout())) {
                server.stopService();
                throw new StackFailed("SMTP (GreenMail) did not start on port " + smtpSetup.getPort());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stopService();
            throw new StackFailed("Interrupted while SMTP was starting", e);
        }
        smtp = server;
    }

    @Override
    public void close() {
        stopSmtp();
        imap.stop();
    }
}
