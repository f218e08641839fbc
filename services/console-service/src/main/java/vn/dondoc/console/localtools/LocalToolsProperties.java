package vn.dondoc.console.localtools;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param localTools whether the mailbox and SMS pages exist ({@code dondoc.console.local-tools}; the local profile
 *                   turns it on)
 * @param imap       the captured mailbox (GreenMail): each recipient's account, login and password the address
 */
@ConfigurationProperties("dondoc.console")
record LocalToolsProperties(@DefaultValue("false") boolean localTools, @DefaultValue Imap imap) {

    record Imap(@DefaultValue("localhost") String host, @DefaultValue("1143") int port,
                @DefaultValue("20") int messagesPerMailbox) {
    }
}
