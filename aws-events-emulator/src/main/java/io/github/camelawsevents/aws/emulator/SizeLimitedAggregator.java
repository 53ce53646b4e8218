package io.github.camelawsevents.aws.emulator;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Aggregates request bodies up to a limit; a larger request gets a 413 with an empty body (as the services
 * answer), is recorded as rejected, and the connection is closed.
 */
final class SizeLimitedAggregator extends HttpObjectAggregator {

    private final RequestDispatcher dispatcher;
    private final int maxContentLength;

    SizeLimitedAggregator(int maxContentLength, RequestDispatcher dispatcher) {
        super(maxContentLength, true);
        this.maxContentLength = maxContentLength;
        this.dispatcher = dispatcher;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        if (oversized instanceof HttpRequest request) {
            ApiResponse response = dispatcher.rejectOversized(request.method().name(), request.uri(),
                    request.headers(), maxContentLength);
            HttpUtil.setKeepAlive(request, false);
            ctx.writeAndFlush(EmulatorHttpHandler.toHttp(response, false)).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }
}
