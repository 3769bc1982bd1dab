package dev.incidentconsole.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * What a stored index knows of each runbook file it holds: size, modification time and a SHA-256 of the content,
 * kept in the index's commit data so they are committed together with the documents. A file whose size and time
 * match is taken as unchanged without reading it; one whose time changed but whose content hash did not (a
 * checkout, a touch) is not parsed again. Not thread-safe.
 */
final class FileStamps {

    /** Commit-data key of the index format; the other keys are {@link #PREFIX} plus a file key. */
    static final String FORMAT_KEY = "format";
    private static final String PREFIX = "file:";

    /** @param hash SHA-256 of the content, hex */
    record Stamp(long size, long modified, String hash) {
        boolean sameAttributes(Stamp o) {
            return o != null && size == o.size && modified == o.modified;
        }

        String encoded() {
            return size + " " + modified + " " + hash;
        }

        static Stamp decode(String value) {
            String[] p = value.split(" ");
            return new Stamp(Long.parseLong(p[0]), Long.parseLong(p[1]), p[2]);
        }
    }

    private final Map<String, Stamp> stamps = new HashMap<>();

    /** The stamps in commit data written by {@link #commitData}; none when the format differs. */
    static FileStamps of(Iterable<Map.Entry<String, String>> commitData, String format) {
        FileStamps out = new FileStamps();
        Map<String, String> data = new HashMap<>();
        if (commitData != null) {
            commitData.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        if (!format.equals(data.get(FORMAT_KEY))) {
            return out;
        }
        data.forEach((k, v) -> {
            if (k.startsWith(PREFIX)) {
                out.stamps.put(k.substring(PREFIX.length()), Stamp.decode(v));
            }
        });
        return out;
    }

    Map<String, String> commitData(String format) {
        Map<String, String> data = new HashMap<>();
        data.put(FORMAT_KEY, format);
        stamps.forEach((k, v) -> data.put(PREFIX + k, v.encoded()));
        return data;
    }

    Stamp get(String key) {
        return stamps.get(key);
    }

    void put(String key, Stamp stamp) {
        stamps.put(key, stamp);
    }

    void remove(String key) {
        stamps.remove(key);
    }

    Set<String> keys() {
        return Set.copyOf(stamps.keySet());
    }

    /** Size and modification time only: cheap enough to take for every file on every run. */
    static Stamp attributes(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(a.size(), a.lastModifiedTime().toMillis(), "");
    }

    /** The stamp with the content's hash. */
    static Stamp hashed(Path file, Stamp attributes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return new Stamp(attributes.size(), attributes.modified(), HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
