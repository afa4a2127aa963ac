package bro.elasticsearch;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.no.NorwegianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.sv.SwedishLightStemFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.NorwegianStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The {@code stemmer} token filter: {@code language} (or its alias {@code name}) picks the
 * same Lucene stemmer that Elasticsearch's StemmerTokenFilterFactory picks for that name.
 * Only the languages this project needs, plus a few neighbours, are mapped.
 */
final class StemmerFilterFactory extends AbstractTokenFilterFactory {

    private static final Map<String, UnaryOperator<TokenStream>> STEMMERS = Map.ofEntries(
        // English: Elasticsearch maps "english" to Porter, not to the Snowball English stemmer.
        Map.entry("english", PorterStemFilter::new),
        Map.entry("porter", PorterStemFilter::new),
        Map.entry("porter2", in -> new SnowballFilter(in, new EnglishStemmer())),
        Map.entry("light_english", KStemFilter::new),
        Map.entry("minimal_english", EnglishMinimalStemFilter::new),
        Map.entry("possessive_english", EnglishPossessiveFilter::new),
        // Scandinavian languages: Snowball, as in Elasticsearch.
        Map.entry("danish", in -> new SnowballFilter(in, new DanishStemmer())),
        Map.entry("swedish", in -> new SnowballFilter(in, new SwedishStemmer())),
        Map.entry("light_swedish", SwedishLightStemFilter::new),
        Map.entry("norwegian", in -> new SnowballFilter(in, new NorwegianStemmer())),
        Map.entry("light_norwegian", NorwegianLightStemFilter::new),
        Map.entry("german", in -> new SnowballFilter(in, new GermanStemmer())),
        Map.entry("light_german", GermanLightStemFilter::new)
    );

    private final UnaryOperator<TokenStream> stemmer;

    StemmerFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        String language = settings.get("language", settings.get("name", "porter")).toLowerCase(Locale.ROOT);
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
