package bro.elasticsearch;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.CustomAnalyzer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code synonym_graph} token filter with rules in Solr format, given inline
 * ({@code synonyms}) or in a file under the config folder ({@code synonyms_path}), plus
 * {@code expand} and {@code lenient}.
 *
 * <p>Like Elasticsearch's own, it is chain-aware: the rules are parsed with the tokenizer,
 * char filters and token filters that come before it in the custom analyzer, so the rule
 * "vold i nære relationer" turns into exactly the tokens a query produces at that point.
 * Elasticsearch asks for that specialised factory through getChainAwareTokenFilterFactory
 * when it builds an analyzer; this "unspecialised" one can therefore not create streams.
 */
final class SynonymGraphFilterFactory extends AbstractTokenFilterFactory {

    private final List<String> rules;
    private final boolean expand;
    private final boolean lenient;

    SynonymGraphFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        String format = settings.get("format", "solr");
        if (format.equals("solr") == false) {
            throw new IllegalArgumentException("synonym_graph [" + name + "]: only the solr format is supported, not [" + format + "]");
        }
        if (settings.get("synonyms_set") != null) {
            throw new IllegalArgumentException("synonym_graph [" + name + "]: synonyms_set (the synonyms API) is not supported");
        }
        // Reads the inline "synonyms" list, or the file named by "synonyms_path".
        this.rules = Analysis.getWordList(env, settings, "synonyms");
        if (rules == null) {
            throw new IllegalArgumentException("synonym requires either `synonyms` or `synonyms_path` to be configured");
        }
        this.expand = settings.getAsBoolean("expand", true);
        this.lenient = settings.getAsBoolean("lenient", false);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        throw new IllegalStateException("Call getChainAwareTokenFilterFactory to specialize this factory for an analysis chain first");
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(
        IndexCreationContext context,
        TokenizerFactory tokenizer,
        List<CharFilterFactory> charFilters,
        List<TokenFilterFactory> previousTokenFilters,
        Function<String, TokenFilterFactory> allFilters
    ) {
        // getSynonymFilter() lets a filter say how it behaves while parsing rules (most are themselves).
        TokenFilterFactory[] previous = previousTokenFilters.stream()
            .map(TokenFilterFactory::getSynonymFilter)
            .toArray(TokenFilterFactory[]::new);
        Analyzer ruleAnalyzer = new CustomAnalyzer(tokenizer, charFilters.toArray(new CharFilterFactory[0]), previous);
        SynonymMap synonyms = parse(ruleAnalyzer);
        String name = name();
        return new TokenFilterFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TokenStream create(TokenStream tokenStream) {
                // An empty map (all rules skipped as lenient) has no FST; the graph filter would fail on it.
                return synonyms.fst == null ? tokenStream : new SynonymGraphFilter(tokenStream, synonyms, false);
            }

            @Override
            public TokenFilterFactory getSynonymFilter() {
                throw new IllegalArgumentException("Token filter [" + name + "] cannot be used to parse synonyms");
            }
        };
    }

    private SynonymMap parse(Analyzer analyzer) {
        try {
            SolrSynonymParser parser = new LenientSolrSynonymParser(expand, analyzer, lenient);
            parser.parse(new StringReader(String.join("\n", rules)));
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("failed to build synonyms for [" + name() + "]: " + e.getMessage(), e);
        }
    }

    /**
     * With {@code lenient}, a term that analyses to nothing (say, a stop word) or that the
     * analyzer rejects is dropped instead of failing the whole index, as in Elasticsearch.
     */
    private static final class LenientSolrSynonymParser extends SolrSynonymParser {
        private final boolean lenient;

        LenientSolrSynonymParser(boolean expand, Analyzer analyzer, boolean lenient) {
            super(true, expand, analyzer);
            this.lenient = lenient;
        }

        @Override
        public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
            try {
                return super.analyze(text, reuse);
            } catch (IllegalArgumentException e) {
                if (lenient == false) {
                    throw e;
                }
                reuse.clear();
                return reuse.get();
            }
        }

        @Override
        public void add(CharsRef input, CharsRef output, boolean includeOrig) {
            if (lenient && (input.length == 0 || output.length == 0)) {
                return;
            }
            super.add(input, output, includeOrig);
        }
    }
}
