package io.github.camelawsevents.aws.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * First in each connection's pipeline: notes that bytes of a request arrived, until the request is complete. With
 * the reader idle for the request timeout while a request is unfinished (a truncated body or headers from a client
 * that keeps the connection open), the emulator answers 408 instead of waiting forever. One per connection, used on
 * its event loop only.
 */
final class RequestProgress extends ChannelInboundHandlerAdapter {

    private boolean partial;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // blank lines between requests are no request (HTTP/1.1 allows and ignores them)
        if (msg instanceof ByteBuf buf && buf.forEachByte(b -> b == '\r' || b == '\n') >= 0) {
            partial = true;
        }
        ctx.fireChannelRead(msg);
    }

    /** A whole request (or what the decoder made of an unfinished one) reached the emulator. */
    void requestComplete() {
        partial = false;
    }

    boolean isPartial() {
        return partial;
    }
}
