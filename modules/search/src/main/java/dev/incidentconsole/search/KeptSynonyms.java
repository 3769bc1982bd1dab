package dev.incidentconsole.search;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.Version;
import org.apache.lucene.util.fst.ByteSequenceOutputs;
import org.apache.lucene.util.fst.FST;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled synonyms kept in a file, so that a search in a new process maps them instead of stemming every rule
 * word and building the FST again (0.4-0.6 s of CPU per command-line search). The file holds the
 * {@link SynonymMap} (its FST saved with {@link FST#save}, its word table, its context), the rule count and the
 * spellings, behind a key: the rules' texts (CRC32 of each), the user file's path, Lucene's version and the stamp
 * of the search module's code (its jar or class files), so new rules, a new analyzer or a new Lucene all rebuild
 * it. A CRC32 of the whole file guards against a torn or damaged file, which is rebuilt like a stale one.
 */
final class KeptSynonyms {
    /** Obtained when something is logged: a search that logs nothing never starts the logging. */
    private static Logger log() {
        return LoggerFactory.getLogger(KeptSynonyms.class);
    }
    private static final String MAGIC = "incident-console synonyms 1";

    private KeptSynonyms() {
    }

    /** The file kept in {@code folder} for this user file (or for the bundled rules alone, when {@code null}). */
    static Path file(Path folder, Path userFile) {
        CRC32 crc = new CRC32();
        crc.update((userFile == null ? "" : userFile.toAbsolutePath().normalize().toString()).getBytes(StandardCharsets.UTF_8));
        return folder.resolve("synonyms-" + HexFormat.of().toHexDigits((int) crc.getValue()) + ".bin");
    }

    /** What the kept file must have been written for: the rules' texts, where the user's came from, the code. */
    static String key(String bundled, Path userFile, String user) {
        return "lucene " + Version.LATEST + "; code " + codeStamp() + "; bundled " + crc(bundled) + "; user "
                + (userFile == null ? "-" : userFile.toAbsolutePath().normalize() + " " + crc(user));
    }

    /** The kept synonyms when {@code file} was written for {@code key}; {@code null} when missing, stale or damaged. */
    static Synonyms load(Path file, String key) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            log().debug("Kept synonyms {} not read: {}", file, e.toString());
            return null;
        }
        try {
            if (bytes.length < Long.BYTES) {
                throw new IOException("truncated");
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - Long.BYTES);
            ByteArrayDataInput in = new ByteArrayDataInput(bytes);
            in.setPosition(bytes.length - Long.BYTES);
            if (in.readLong() != crc.getValue()) {
                throw new IOException("checksum mismatch");
            }
            in = new ByteArrayDataInput(bytes, 0, bytes.length - Long.BYTES);
            if (!MAGIC.equals(in.readString()) || !key.equals(in.readString())) {
                return null;
            }
            int rules = in.readVInt();
            int context = in.readVInt();
            BytesRefHash words = new BytesRefHash();
            for (int i = in.readVInt(); i > 0; i--) {
                byte[] word = new byte[in.readVInt()];
                in.readBytes(word, 0, word.length);
                words.add(new BytesRef(word));
            }
            Map<String, String> spellings = new HashMap<>();
            for (int i = in.readVInt(); i > 0; i--) {
                spellings.put(in.readString(), in.readString());
            }
            FST<BytesRef> fst = in.readByte() == 0 ? null
                    : new FST<>(FST.readMetadata(in, ByteSequenceOutputs.getSingleton()), in);
            if (in.getPosition() != bytes.length - Long.BYTES) {
                throw new IOException("trailing bytes");
            }
            return new Synonyms(new SynonymMap(fst, words, context), rules, spellings);
        } catch (IOException | RuntimeException e) {
            log().debug("Kept synonyms {} damaged ({}); building them again", file, e.toString());
            return null;
        }
    }

    /** Writes {@code synonyms} for {@code key}, atomically; a folder that cannot be written only costs the next build. */
    static void save(Path file, String key, Synonyms synonyms) {
        try {
            ByteBuffersDataOutput out = new ByteBuffersDataOutput();
            out.writeString(MAGIC);
            out.writeString(key);
            out.writeVInt(synonyms.ruleCount());
            SynonymMap map = synonyms.map();
            out.writeVInt(map.maxHorizontalContext);
            int words = map.words == null ? 0 : map.words.size();
            out.writeVInt(words);
            BytesRef word = new BytesRef();
            for (int id = 0; id < words; id++) {
                map.words.get(id, word);
                out.writeVInt(word.length);
                out.writeBytes(word.bytes, word.offset, word.length);
            }
            Map<String, String> spellings = synonyms.spellings();
            out.writeVInt(spellings.size());
            for (Map.Entry<String, String> e : spellings.entrySet()) {
                out.writeString(e.getKey());
                out.writeString(e.getValue());
            }
            out.writeByte((byte) (map.fst == null ? 0 : 1));
            if (map.fst != null) {
                map.fst.save(out, out);
            }
            byte[] body = out.toArrayCopy();
            CRC32 crc = new CRC32();
            crc.update(body);
            ByteBuffersDataOutput trailer = new ByteBuffersDataOutput();
            trailer.writeLong(crc.getValue());
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.write(temp, body);
                Files.write(temp, trailer.toArrayCopy(), java.nio.file.StandardOpenOption.APPEND);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | RuntimeException e) {
            log().debug("Synonyms not kept in {}: {}", file, e.toString());
        }
    }

    private static String crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    /**
     * The search module's code as built: its jar's size and modification time, or, run from class folders (tests,
     * the IDE), this class file's. Any build of the module changes it, so changed analysis code never meets old synonyms.
     */
    private static String codeStamp() {
        try {
            Path code = Path.of(KeptSynonyms.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(code)) {
                code = code.resolve(KeptSynonyms.class.getName().replace('.', '/') + ".class");
            }
            return code + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Unknown code: a key no later process matches, so nothing is reused rather than something stale.
            return "unknown " + System.nanoTime();
        }
    }
}
