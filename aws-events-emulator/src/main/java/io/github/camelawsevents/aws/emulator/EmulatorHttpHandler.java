package io.github.camelawsevents.aws.emulator;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.concurrent.TimeUnit;

/**
 * The per-connection Netty handler: hands each aggregated request to the {@link RequestDispatcher} on the event
 * loop, then writes the reply, schedules it on the event loop when latency is injected (never blocking a
 * thread), or closes the connection without a reply. Replies of one connection leave in request order: a reply
 * waits for the delayed replies before it.
 */
final class EmulatorHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorHttpHandler.class);

    private final RequestDispatcher dispatcher;
    /** Replies of this connection not yet sent, in request order; only the head may leave. */
    private final ArrayDeque<PendingReply> pending = new ArrayDeque<>();

    private record PendingReply(RequestDispatcher.Reply reply, boolean keepAlive, String method, String uri,
            long startNanos, long dueNanos) {
    }

    /** Whether bytes of a request have arrived that did not yet make a complete request (shared with the pipeline). */
    private final RequestProgress progress;
    /** The client shut its sending side: close once the replies still due are sent. */
    private boolean inputShutdown;

    EmulatorHttpHandler(RequestDispatcher dispatcher, RequestProgress progress) {
        this.dispatcher = dispatcher;
        this.progress = progress;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        progress.requestComplete();
        long start = System.nanoTime();
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        String method = request.method().name();
        String uri = request.uri();
        RequestDispatcher.Reply reply;
        if (request.decoderResult().isFailure()) {
            // AWS-shaped for both protocols: X-Amzn-ErrorType (restJson1) and __type (awsJson1_1)
            reply = new RequestDispatcher.Reply(null, dispatcher.rejectMalformed(request.decoderResult().cause()), 0);
            keepAlive = false;
        } else {
            try {
                reply = dispatcher.dispatch(method, uri, request.headers(), request.content());
            } catch (RuntimeException e) {
                LOG.warn("Emulator failed on {} {}", method, uri, e);
                reply = new RequestDispatcher.Reply(null, WireProtocol.REST_JSON_1.error("InternalServerException", 500,
                        "The emulator failed: " + e), 0);
            }
        }
        enqueue(ctx, reply, keepAlive, method, uri, start);
    }

    private void enqueue(ChannelHandlerContext ctx, RequestDispatcher.Reply reply, boolean keepAlive, String method,
            String uri, long start) {
        pending.addLast(new PendingReply(reply, keepAlive, method, uri, start, start + reply.delayNanos()));
        if (pending.size() == 1) {
            sendDueReplies(ctx);
        }
    }

    /**
     * The client shut its output (half-close): a request it left unfinished has already been answered as malformed
     * (the decoder hands it on first); the connection closes once the replies still due are sent. A request whose
     * bytes stopped arriving mid-way is answered 408 when the reader has been idle for the request timeout.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof ChannelInputShutdownEvent) {
            inputShutdown = true;
            if (progress.isPartial()) {
                // a request cut short (e.g. fewer body bytes than Content-Length): the decoder drops it silently
                progress.requestComplete();
                enqueue(ctx, new RequestDispatcher.Reply(null, dispatcher.rejectMalformed(
                        new PrematureChannelClosureException("the client shut its output before the request was"
                                                             + " complete")), 0), false, "?", "?", System.nanoTime());
                return;
            }
            if (pending.isEmpty()) {
                ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
            return;
        }
        if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
            if (progress.isPartial()) {
                progress.requestComplete();
                enqueue(ctx, new RequestDispatcher.Reply(null, dispatcher.rejectIncomplete(), 0), false, "?", "?",
                        System.nanoTime());
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    /** Sends the replies whose time has come, in order; schedules itself for the head's due time (event loop only). */
    private void sendDueReplies(ChannelHandlerContext ctx) {
        while (!pending.isEmpty()) {
            PendingReply head = pending.peekFirst();
            long wait = head.dueNanos() - System.nanoTime();
            if (wait > 0) {
                ctx.executor().schedule(() -> sendDueReplies(ctx), wait, TimeUnit.NANOSECONDS);
                return;
            }
            pending.removeFirst();
            send(ctx, head.reply(), head.keepAlive(), head.method(), head.uri(), head.startNanos());
            if (head.reply().closesConnection() || !head.keepAlive()) {
                pending.clear();
                return;
            }
        }
        if (inputShutdown) {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void send(ChannelHandlerContext ctx, RequestDispatcher.Reply reply, boolean keepAlive,
            String method, String uri, long start) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} {} -> {} in {} us", method, uri,
                    reply.operation() == null ? "emulator" : reply.operation().awsName,
                    reply.closesConnection() ? "connection closed" : String.valueOf(reply.response().status()),
                    (System.nanoTime() - start) / 1000);
        }
        if (reply.closesConnection()) {
            ctx.channel().close();
            return;
        }
        ChannelFuture written = ctx.writeAndFlush(toHttp(reply.response(), keepAlive, dispatcher.clock()));
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    static FullHttpResponse toHttp(ApiResponse response, boolean keepAlive, Clock clock) {
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()));
        http.headers().set("x-amzn-RequestId", EventIds.nextString());
        // RFC 1123, on every answer: the SDKs correct a skewed client clock from it
        http.headers().set(HttpHeaderNames.DATE, DateFormatter.format(Date.from(clock.instant())));
        if (response.contentType() != null) {
            http.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        }
        if (response.errorType() != null && response.contentType() != null
                && response.contentType().equals(WireProtocol.REST_JSON_1.contentType)) {
            http.headers().set("X-Amzn-ErrorType", response.errorType());
        }
        HttpUtil.setContentLength(http, response.body().length);
        if (!keepAlive) {
            http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return http;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Emulator connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
