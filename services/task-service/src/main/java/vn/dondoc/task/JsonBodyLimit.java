package vn.dondoc.task;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds JSON request bodies. Nothing in the API needs more than a few kilobytes of JSON (notices and plan tables
 * come as text or files, with limits of their own), so a larger body is refused — with 413 by {@link ApiProblems} —
 * before it is parsed, whether it announces its length or arrives in chunks.
 */
@Component
class JsonBodyLimit extends OncePerRequestFilter {

    /** Thrown while reading a body past the limit; {@link ApiProblems} answers it with 413. */
    static final class BodyTooLarge extends IOException {

        private final long limit;

        BodyTooLarge(long limit) {
            super("The JSON body is larger than " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    private final long limit;

    JsonBodyLimit(@Value("${dondoc.api.max-json-body:256KB}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        try {
            return type == null || !MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_JSON)
                    && !type.contains("+json");
        } catch (InvalidMediaTypeException e) {
            return true; // not JSON; MVC answers it with 415
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream limited;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (limited == null) {
                    limited = new Limited(request.getInputStream(), request.getContentLengthLong(), limit);
                }
                return limited;
            }
        }, response);
    }

    /** The body, refusing to read past the limit (at once when the announced length is already past it). */
    private static final class Limited extends ServletInputStream {

        private final ServletInputStream body;
        private final long limit;
        private long read;

        Limited(ServletInputStream body, long announced, long limit) {
            this.body = body;
            this.limit = limit;
            this.read = Math.max(0, announced) > limit ? announced : 0;
        }

        @Override
        public int read() throws IOException {
            requireWithinLimit();
            int b = body.read();
            if (b >= 0) {
                read++;
                requireWithinLimit();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            requireWithinLimit();
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                read += n;
                requireWithinLimit();
            }
            return n;
        }

        private void requireWithinLimit() throws BodyTooLarge {
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
