package vn.dondoc.task;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/** How values without a native BSON form are stored: durations of reminder policies as ISO-8601 text. */
@Configuration(proxyBeanMethods = false)
class Storage {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new DurationToText(), new TextToDuration()));
    }

    @WritingConverter
    static final class DurationToText implements Converter<Duration, String> {
        @Override
        public String convert(Duration source) {
            return source.toString();
        }
    }

    @ReadingConverter
    static final class TextToDuration implements Converter<String, Duration> {
        @Override
        public Duration convert(String source) {
            return Duration.parse(source);
        }
    }
}
