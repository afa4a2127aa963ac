package bro.elasticsearch;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.compound.CompoundWordTokenFilterBase;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;

/**
 * The {@code dictionary_decompounder} token filter (normally in analysis-common), with
 * Elasticsearch's parameters: the words inline ({@code word_list}) or in a file under the
 * config folder ({@code word_list_path}), {@code min_word_size}, {@code min_subword_size},
 * {@code max_subword_size} and {@code only_longest_match}. Lucene's own
 * DictionaryCompoundWordTokenFilter does the work: each word of the list found inside a
 * token is added at the token's position, so "bostadsinbrott" is also "bostad" and "inbrott".
 */
final class DictionaryDecompounderFilterFactory extends AbstractTokenFilterFactory {

    private final CharArraySet words;
    private final int minWordSize;
    private final int minSubwordSize;
    private final int maxSubwordSize;
    private final boolean onlyLongestMatch;

    DictionaryDecompounderFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        words = Analysis.getWordSet(env, settings, "word_list");
        if (words == null) {
            throw new IllegalArgumentException(
                "word_list must be provided for [" + name + "], either as a path to a file, or directly"
            );
        }
        minWordSize = settings.getAsInt("min_word_size", CompoundWordTokenFilterBase.DEFAULT_MIN_WORD_SIZE);
        minSubwordSize = settings.getAsInt("min_subword_size", CompoundWordTokenFilterBase.DEFAULT_MIN_SUBWORD_SIZE);
        maxSubwordSize = settings.getAsInt("max_subword_size", CompoundWordTokenFilterBase.DEFAULT_MAX_SUBWORD_SIZE);
        onlyLongestMatch = settings.getAsBoolean("only_longest_match", false);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new DictionaryCompoundWordTokenFilter(tokenStream, words, minWordSize, minSubwordSize, maxSubwordSize, onlyLongestMatch);
    }
}
