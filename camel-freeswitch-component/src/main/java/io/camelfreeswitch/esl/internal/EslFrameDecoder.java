package io.camelfreeswitch.esl.internal;

import io.camelfreeswitch.esl.EslDecoderException;
import io.camelfreeswitch.esl.EslFrameTooLargeException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns ESL bytes into {@link EslMessage}s: a header block of {@code Name: value} lines ended by an empty line (LF
 * or CRLF), then {@code Content-Length} body bytes when that header is present, wherever it sits in the block.
 *
 * <p>The header block is consumed line by line as it arrives, so a slow sender never makes us rescan bytes. Limits
 * are checked before anything is allocated: a header block longer than {@code maxHeaderBlockBytes} or a
 * {@code Content-Length} above {@code maxBodyBytes} raises {@link EslFrameTooLargeException}; any other framing
 * error raises {@link EslDecoderException}. After either, the decoder discards everything that follows, fires the
 * exception and closes the channel. Not sharable: one per channel.
 *
 * <p>A decoder made to borrow event bodies hands each event frame's body on as a retained slice of the read buffer
 * rather than a copy: the frame, then the event made from it, owns that slice until released (see
 * {@link WireEslEvent}). Other frames (replies, notices) are always copied: they are read on other threads, long
 * after the read. The default copies everything, so frames need no release.
 */
public final class EslFrameDecoder extends ByteToMessageDecoder {
    /** FreeSWITCH 1.11.2+ caps bodies at 16 MiB too. */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** The outbound CHANNEL_DATA header block is a whole channel dump; a few KiB usually, far less than this. */
    public static final int DEFAULT_MAX_HEADER_BLOCK_BYTES = 1024 * 1024;

    private static final byte LF = '\n';
    private static final byte CR = '\r';
    private static final byte COLON = ':';
    private static final int MAX_CONTENT_LENGTH_DIGITS = 10;

    private final int maxHeaderBlockBytes;
    private final int maxBodyBytes;
    private final boolean borrowEventBodies;

    private String[] headers = new String[4];
    private int headerCount;
    private int headerBlockBytes;
    private int contentLength = -1;
    private boolean readingBody;
    private boolean failed;

    public EslFrameDecoder() {
        this(DEFAULT_MAX_HEADER_BLOCK_BYTES, DEFAULT_MAX_BODY_BYTES);
    }

    public EslFrameDecoder(int maxHeaderBlockBytes, int maxBodyBytes) {
        this(maxHeaderBlockBytes, maxBodyBytes, false);
    }

    public EslFrameDecoder(int maxHeaderBlockBytes, int maxBodyBytes, boolean borrowEventBodies) {
        if (maxHeaderBlockBytes <= 0 || maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxHeaderBlockBytes must be > 0 and maxBodyBytes >= 0");
        }
        this.maxHeaderBlockBytes = maxHeaderBlockBytes;
        this.maxBodyBytes = maxBodyBytes;
        this.borrowEventBodies = borrowEventBodies;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            while (in.isReadable()) {
                if (!readingBody && !readHeaderBlock(in)) {
                    return;
                }
                if (contentLength > 0) {
                    readingBody = true;
                    if (in.readableBytes() < contentLength) {
                        return;
                    }
                    if (borrowEventBodies && isEventFrame()) {
                        out.add(finishFrame(in.readRetainedSlice(contentLength)));
                    } else {
                        byte[] body = new byte[contentLength];
                        in.readBytes(body);
                        out.add(finishFrame(body));
                    }
                } else {
                    out.add(finishFrame((byte[]) null));
                }
            }
        } catch (EslDecoderException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            ctx.fireExceptionCaught(e);
            ctx.close();
        }
    }

    /** Consumes complete header lines; true once the empty line ending the block has been read. */
    private boolean readHeaderBlock(ByteBuf in) {
        while (true) {
            int start = in.readerIndex();
            int eol = in.indexOf(start, in.writerIndex(), LF);
            if (eol < 0) {
                if ((long) headerBlockBytes + in.readableBytes() > maxHeaderBlockBytes) {
                    throw tooLargeHeaderBlock();
                }
                return false;
            }
            int lineBytes = eol - start + 1;
            headerBlockBytes += lineBytes;
            if (headerBlockBytes > maxHeaderBlockBytes) {
                throw tooLargeHeaderBlock();
            }
            int end = eol > start && in.getByte(eol - 1) == CR ? eol - 1 : eol;
            if (end == start) {
                in.readerIndex(eol + 1);
                if (headerCount == 0) {
                    // a stray empty line between frames carries nothing
                    headerBlockBytes = 0;
                    continue;
                }
                return true;
            }
            addHeaderLine(in, start, end);
            in.readerIndex(eol + 1);
        }
    }

    private void addHeaderLine(ByteBuf in, int start, int end) {
        int colon = in.indexOf(start, end, COLON);
        if (colon <= start) {
            throw new EslDecoderException(colon < 0
                    ? "malformed ESL header line (no ':'): " + preview(in, start, end)
                    : "malformed ESL header line (empty name): " + preview(in, start, end));
        }
        int valueStart = colon + 1;
        if (valueStart < end && in.getByte(valueStart) == ' ') {
            valueStart++;
        }
        String name = HeaderNames.lookup(in, start, colon);
        if (name == null) {
            name = in.toString(start, colon - start, StandardCharsets.UTF_8);
        }
        String value;
        if (name == HeaderNames.CONTENT_LENGTH) {
            contentLength = parseContentLength(in, valueStart, end);
            value = null; // EslMessage renders it from the body length on demand; most readers never ask
        } else {
            value = HeaderNames.lookupValue(in, valueStart, end);
            if (value == null) {
                value = in.toString(valueStart, end - valueStart, StandardCharsets.UTF_8);
            }
        }
        if (2 * headerCount + 2 > headers.length) {
            headers = java.util.Arrays.copyOf(headers, headers.length * 2);
        }
        headers[2 * headerCount] = name;
        headers[2 * headerCount + 1] = value;
        headerCount++;
    }

    private int parseContentLength(ByteBuf in, int start, int end) {
        while (end > start && in.getByte(end - 1) == ' ') {
            end--;
        }
        while (start < end && in.getByte(start) == ' ') {
            start++;
        }
        if (start == end || end - start > MAX_CONTENT_LENGTH_DIGITS) {
            if (end - start > MAX_CONTENT_LENGTH_DIGITS && allDigits(in, start, end)) {
                throw new EslFrameTooLargeException("ESL frame Content-Length " + preview(in, start, end)
                        + " exceeds the maximum of " + maxBodyBytes + " bytes");
            }
            throw new EslDecoderException("malformed ESL Content-Length: '" + preview(in, start, end) + "'");
        }
        long length = 0;
        for (int i = start; i < end; i++) {
            byte b = in.getByte(i);
            if (b < '0' || b > '9') {
                throw new EslDecoderException("malformed ESL Content-Length: '" + preview(in, start, end) + "'");
            }
            length = length * 10 + (b - '0');
        }
        if (length > maxBodyBytes) {
            throw new EslFrameTooLargeException("ESL frame Content-Length " + length + " exceeds the maximum of "
                    + maxBodyBytes + " bytes");
        }
        return (int) length;
    }

    private static boolean allDigits(ByteBuf in, int start, int end) {
        for (int i = start; i < end; i++) {
            byte b = in.getByte(i);
            if (b < '0' || b > '9') {
                return false;
            }
        }
        return true;
    }

    private boolean isEventFrame() {
        for (int i = 0; i < headerCount; i++) {
            if (headers[2 * i] == HeaderNames.CONTENT_TYPE) {
                String type = headers[2 * i + 1];
                return type == HeaderNames.EVENT_PLAIN || type == HeaderNames.EVENT_JSON;
            }
        }
        return false;
    }

    private EslMessage finishFrame(byte[] body) {
        EslMessage message = new EslMessage(headers, headerCount, body);
        reset();
        return message;
    }

    private EslMessage finishFrame(ByteBuf borrowedBody) {
        EslMessage message = new EslMessage(headers, headerCount, borrowedBody);
        reset();
        return message;
    }

    private void reset() {
        headers = new String[4];
        headerCount = 0;
        headerBlockBytes = 0;
        contentLength = -1;
        readingBody = false;
    }

    private EslFrameTooLargeException tooLargeHeaderBlock() {
        return new EslFrameTooLargeException("ESL frame header block exceeds the maximum of " + maxHeaderBlockBytes
                + " bytes");
    }

    private static String preview(ByteBuf in, int start, int end) {
        int length = Math.min(end - start, 80);
        StringBuilder sb = new StringBuilder(length);
        for (int i = start; i < start + length; i++) {
            int b = in.getByte(i) & 0xff;
            sb.append(b >= 0x20 && b < 0x7f ? (char) b : '?');
        }
        return end - start > 80 ? sb.append("...").toString() : sb.toString();
    }
}
