package bro.elasticsearch;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The {@code stemmer} token filter: {@code language} (or its alias {@code name}) picks the
 * same Lucene stemmer that Elasticsearch's StemmerTokenFilterFactory picks for that name.
 * Only the stemmers the project's index uses (search/documents.py) are mapped; another
 * language is refused with the list of those.
 */
final class StemmerFilterFactory extends AbstractTokenFilterFactory {

    private static final Map<String, UnaryOperator<TokenStream>> STEMMERS = Map.of(
        // Elasticsearch maps "english" to Porter, not to the Snowball English stemmer.
        "english", PorterStemFilter::new,
        "possessive_english", EnglishPossessiveFilter::new,
        "danish", in -> new SnowballFilter(in, new DanishStemmer()),
        "swedish", in -> new SnowballFilter(in, new SwedishStemmer())
    );

    private final UnaryOperator<TokenStream> stemmer;

    StemmerFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        String language = settings.get("language", settings.get("name", "english")).toLowerCase(Locale.ROOT);
        stemmer = STEMMERS.get(language);
        if (stemmer == null) {
            throw new IllegalArgumentException(
                "stemmer [" + name + "]: language [" + language + "] is not supported by this build; supported: "
                    + new java.util.TreeSet<>(STEMMERS.keySet())
            );
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stemmer.apply(tokenStream);
    }
}
