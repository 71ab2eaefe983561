package dev.steelyard.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Sends a request that announces a body over the limit and then its first 64 KiB, and reads the
 * answer; a service must refuse it from the Content-Length alone. Java's HttpClient cannot: it
 * writes the whole body before it reads an answer, and waits forever on a server that refused the
 * body without reading it (as it should), so this speaks HTTP/1.1 on a socket.
 */
final class OversizedBody {

    /** The answer's status, Content-Type and body. */
    record Answer(int status, String contentType, String body) {
    }

    private static final int SENT = 64 * 1024;

    private OversizedBody() {
    }

    static Answer send(HostileRequests.Probe probe, int timeoutMillis) throws IOException {
        URI uri = probe.request().uri();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(timeoutMillis);
            StringBuilder head = new StringBuilder(probe.request().method()).append(' ').append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Content-Length: ").append(probe.oversizedLength()).append("\r\n")
                    .append("Connection: close\r\n");
            probe.request().headers().map().forEach((name, values) -> values.forEach(value -> head.append(name)
                    .append(": ").append(value).append("\r\n")));
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            byte[] start = new byte[SENT];
            Arrays.fill(start, (byte) ' ');
            start[0] = '{';
            try {
                out.write(start);
                out.flush();
            } catch (IOException closed) {
                // The server may close before it has read the start; its answer is still there to read.
            }
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        Map<String, String> headers = new java.util.HashMap<>();
        int status = 0;
        int length = -1;
        for (int n; (n = in.read(buffer)) > 0;) {
            bytes.write(buffer, 0, n);
            String text = bytes.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0 && (headEnd = text.indexOf("\r\n\r\n")) >= 0) {
                List<String> lines = List.of(text.substring(0, headEnd).split("\r\n"));
                status = Integer.parseInt(lines.get(0).split(" ")[1]);
                for (String line : lines.subList(1, lines.size())) {
                    int colon = line.indexOf(':');
                    headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
                }
                length = Integer.parseInt(headers.getOrDefault("content-length", "-1"));
            }
            if (headEnd >= 0 && length >= 0 && bytes.size() >= headEnd + 4 + length) {
                break;
            }
        }
        if (headEnd < 0) {
            throw new IOException("no answer to an oversized body");
        }
        String body = new String(bytes.toByteArray(), StandardCharsets.UTF_8).substring(headEnd + 4);
        return new Answer(status, headers.getOrDefault("content-type", ""), body);
    }
}
