package vn.dondoc.console.eventlog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param concurrency     consumers reading the topics (each takes a share of the partitions)
 * @param defaultLimit    entries {@code GET /api/events} returns when no {@code limit} is given
 * @param maxLimit        the most entries one request may ask for
 * @param heartbeat       how often an idle live stream gets a comment, so proxies keep it open
 * @param streamTimeout   how long one live stream lasts; browsers' EventSource reconnects by itself
 * @param streamBacklog   events queued for one slow stream client before it is dropped
 * @param retryBackOff    first pause before storing a batch again when MongoDB fails; doubles up to 30 s
 * @param retention       how long entries are kept; older ones are purged (TTL indexes are not available everywhere)
 * @param purgeEvery      how often the purge runs
 * @param pageSize        entries per page of the event log page
 * @param maxPollRecords  records one batch may hold: every batch costs a write per document it touches (buckets,
 *                        index, timelines), so larger batches of a backlog cost fewer writes per record
 */
@ConfigurationProperties("dondoc.console.event-log")
record EventLogProperties(@DefaultValue("1") int concurrency,
                          @DefaultValue("200") int defaultLimit,
                          @DefaultValue("1000") int maxLimit,
                          @DefaultValue("15s") Duration heartbeat,
                          @DefaultValue("30m") Duration streamTimeout,
                          @DefaultValue("1000") int streamBacklog,
                          @DefaultValue("500ms") Duration retryBackOff,
                          @DefaultValue("P180D") Duration retention,
                          @DefaultValue("1h") Duration purgeEvery,
                          @DefaultValue("50") int pageSize,
                          @DefaultValue("5000") int maxPollRecords) {
}
