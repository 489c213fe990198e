package io.camelfreeswitch.simulator.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the client's byte stream into {@link EslCommand}s the way mod_event_socket reads them: lines up to an
 * empty line; "Content-Length" announces a body that follows. CR before LF is tolerated.
 */
public final class EslCommandDecoder extends ByteToMessageDecoder {

    private static final int MAX_HEADER_BYTES = 256 * 1024;
    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private EslCommand pendingHead;
    private int pendingBodyLength;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (true) {
            if (pendingHead != null) {
                if (in.readableBytes() < pendingBodyLength) {
                    return;
                }
                String body = in.readCharSequence(pendingBodyLength, StandardCharsets.UTF_8).toString();
                out.add(new EslCommand(pendingHead.line(), pendingHead.headers(), body));
                pendingHead = null;
                continue;
            }
            int end = headEnd(in);
            if (end < 0) {
                if (in.readableBytes() > MAX_HEADER_BYTES) {
                    in.skipBytes(in.readableBytes());
                    throw new TooLongFrameException("command head longer than " + MAX_HEADER_BYTES + " bytes");
                }
                return;
            }
            int start = in.readerIndex();
            String head = in.toString(start, end - start, StandardCharsets.UTF_8);
            in.readerIndex(end);
            skipBlankLine(in);
            head = head.replace("\r", "").replaceFirst("^\n+", "");
            // stray newlines between commands are ignored by FreeSWITCH too
            if (head.isBlank()) {
                continue;
            }
            String[] lines = head.split("\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
                }
            }
            EslCommand command = new EslCommand(lines[0].trim(), headers, null);
            String length = command.header("Content-Length");
            if (length != null) {
                int n;
                try {
                    n = Integer.parseInt(length.trim());
                } catch (NumberFormatException e) {
                    throw new TooLongFrameException("bad Content-Length: " + length);
                }
                if (n < 0 || n > MAX_BODY_BYTES) {
                    throw new TooLongFrameException("bad Content-Length: " + length);
                }
                if (n > 0) {
                    pendingHead = command;
                    pendingBodyLength = n;
                    continue;
                }
            }
            out.add(command);
        }
    }

    /** Index of the first byte of the blank line ending the head ("\n\n" or "\n\r\n"), or -1. */
    private static int headEnd(ByteBuf in) {
        int from = in.readerIndex();
        int to = in.writerIndex();
        for (int i = from; i < to; i++) {
            if (in.getByte(i) != '\n') {
                continue;
            }
            if (i + 1 < to && in.getByte(i + 1) == '\n') {
                return i;
            }
            if (i + 2 < to && in.getByte(i + 1) == '\r' && in.getByte(i + 2) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static void skipBlankLine(ByteBuf in) {
        // reader is at the "\n" ending the last line; consume it and the blank line
        in.skipBytes(1);
        if (in.getByte(in.readerIndex()) == '\r') {
            in.skipBytes(1);
        }
        in.skipBytes(1);
    }
}
