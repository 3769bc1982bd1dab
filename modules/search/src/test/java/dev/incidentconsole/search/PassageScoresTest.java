package dev.incidentconsole.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PassageScoresTest {

    private static final String[] WORDS = {"redis", "failover", "sentinel", "replica", "promot"};

    @Test
    void scoresEqualLucenesToTheBit() {
        Random random = new Random(3);
        PassageScorer lucene = new PassageScorer();
        PassageScores ours = new PassageScores();
        for (int round = 0; round < 500; round++) {
            Passage passage = new Passage();
            int start = random.nextInt(2000);
            passage.setStartOffset(start);
            passage.setEndOffset(start + 1000); // matches must fall inside; the real end is set below
            int offset = start;
            int matches = random.nextInt(9);
            for (int i = 0; i < matches; i++) {
                offset += 1 + random.nextInt(30);
                String word = WORDS[random.nextInt(WORDS.length)];
                passage.addMatch(offset, offset + word.length(), new BytesRef(word), 1 + word.length() % 3);
                offset += word.length();
            }
            passage.setEndOffset(offset + random.nextInt(40));
            int contentLength = offset + 500;
            assertThat(ours.score(passage, contentLength)).as("passage %s", passage)
                    .isEqualTo(lucene.score(passage, contentLength));
        }
    }

    @Test
    void aRepeatedWordCountsOnceWithItsFrequency() {
        Passage twice = new Passage();
        twice.setStartOffset(0);
        twice.setEndOffset(40);
        twice.addMatch(0, 5, new BytesRef("redis"), 4);
        twice.addMatch(10, 15, new BytesRef("redis"), 4);
        Passage once = new Passage();
        once.setStartOffset(0);
        once.setEndOffset(40);
        once.addMatch(0, 5, new BytesRef("redis"), 4);
        assertThat(new PassageScores().score(twice, 400)).isGreaterThan(new PassageScores().score(once, 400));
    }
}
