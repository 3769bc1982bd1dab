package dev.incidentconsole.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score, computed without its per-call {@code BytesRefHash}: the highlighter scores every
 * candidate passage of every hit, and each of those hashes allocated a 32 KB block, a sixth of all the memory a
 * search allocated. A passage holds a handful of matches, so counting repeats by comparing them is cheap. The
 * terms are visited in the same order, so scores are the same to the bit.
 */
final class PassageScores extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int n = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        boolean[] counted = new boolean[n];
        double score = 0d;
        for (int i = 0; i < n; i++) {
            if (counted[i]) {
                continue;
            }
            int inPassage = 0;
            for (int j = i; j < n; j++) {
                if (!counted[j] && terms[j].bytesEquals(terms[i])) {
                    counted[j] = true;
                    inPassage++;
                }
            }
            score += tf(inPassage, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
        }
        return (float) (score * norm(passage.getStartOffset()));
    }
}
