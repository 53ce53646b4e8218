package io.github.camelawsevents.aws.emulator;

import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * Aggregates request bodies up to a limit; a larger request gets a 413 with an empty body (as the services
 * answer), is recorded as rejected, and the connection is closed once the client has read it.
 */
final class SizeLimitedAggregator extends HttpObjectAggregator {

    /** How long a connection whose request was refused as oversized may go on sending before it is closed. */
    static final int CLOSE_GRACE_SECONDS = 10;

    private final RequestDispatcher dispatcher;
    private final int maxContentLength;

    SizeLimitedAggregator(int maxContentLength, RequestDispatcher dispatcher) {
        super(maxContentLength, true);
        this.maxContentLength = maxContentLength;
        this.dispatcher = dispatcher;
    }

    /** Set once this connection's request was refused as oversized: whatever the client still sends is dropped. */
    private boolean refused;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (refused) {
            // the rest of the refused body, or the decoder's note that the client stopped sending it: not a request
            ReferenceCountUtil.release(msg);
            return;
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (refused) {
            // the client ended its side (or went idle) after the 413: not a request cut short, just the end; our
            // own output shutdown (ChannelOutputShutdownEvent) must not close: the client may still be sending
            if (evt instanceof ChannelInputShutdownEvent || evt instanceof IdleStateEvent) {
                ctx.close();
            }
            ReferenceCountUtil.release(evt);
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        refused = true;
        if (oversized instanceof HttpRequest request) {
            ApiResponse response = dispatcher.rejectOversized(request.method().name(), request.uri(),
                    request.headers(), maxContentLength);
            HttpUtil.setKeepAlive(request, false);
            ctx.writeAndFlush(EmulatorHttpHandler.toHttp(response, false, dispatcher.clock())).addListener(written -> {
                if (written.isSuccess() && ctx.channel() instanceof DuplexChannel duplex) {
                    // Closing now, with the client still sending the body, would make the kernel answer its bytes
                    // with a reset that can destroy the 413 before the client reads it. Instead: end our side (the
                    // client reads the 413, then end of stream), keep reading (the aggregator discards the rest of
                    // the oversized body), and close when the client does, or after a grace period at the latest.
                    duplex.shutdownOutput();
                    ctx.executor().schedule(() -> {
                        ctx.close();
                    }, CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
                } else {
                    ctx.close();
                }
            });
        } else {
            ctx.close();
        }
    }
}
