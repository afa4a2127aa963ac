package bro.elasticsearch;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.ga.IrishLowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;

import java.util.function.UnaryOperator;

/** The configurable {@code lowercase} and {@code asciifolding} filters (parameters as in Elasticsearch). */
final class SimpleFilters {

    private SimpleFilters() {}

    /** {@code lowercase} with optional {@code language}: greek, irish or turkish. */
    static TokenFilterFactory lowercase(IndexSettings is, Environment env, String name, Settings settings) {
        String language = settings.get("language");
        UnaryOperator<TokenStream> filter;
        if (language == null) {
            filter = LowerCaseFilter::new;
        } else if (language.equalsIgnoreCase("greek")) {
            filter = GreekLowerCaseFilter::new;
        } else if (language.equalsIgnoreCase("irish")) {
            filter = IrishLowerCaseFilter::new;
        } else if (language.equalsIgnoreCase("turkish")) {
            filter = TurkishLowerCaseFilter::new;
        } else {
            throw new IllegalArgumentException("language [" + language + "] not support for lower case");
        }
        return normalizing(name, settings, filter, filter);
    }

    /** {@code asciifolding} with {@code preserve_original}; a normalizer folds without keeping the original. */
    static TokenFilterFactory asciiFolding(IndexSettings is, Environment env, String name, Settings settings) {
        boolean preserveOriginal = settings.getAsBoolean("preserve_original", false);
        return normalizing(name, settings, in -> new ASCIIFoldingFilter(in, preserveOriginal), in -> new ASCIIFoldingFilter(in, false));
    }

    private static TokenFilterFactory normalizing(
        String name,
        Settings settings,
        UnaryOperator<TokenStream> filter,
        UnaryOperator<TokenStream> normalizer
    ) {
        // NormalizingTokenFilterFactory marks the filter as allowed in normalizers and in
        // the normalization of multi-term (prefix, wildcard, fuzzy) query text.
        class Factory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
            Factory() {
                super(name, settings);
            }

            @Override
            public TokenStream create(TokenStream tokenStream) {
                return filter.apply(tokenStream);
            }

            @Override
            public TokenStream normalize(TokenStream tokenStream) {
                return normalizer.apply(tokenStream);
            }
        }
        return new Factory();
    }
}
