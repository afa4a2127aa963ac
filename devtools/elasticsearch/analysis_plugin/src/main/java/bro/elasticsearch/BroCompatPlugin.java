package bro.elasticsearch;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.util.SetOnce;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.PreBuiltAnalyzerProviderFactory;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.mapper.Mapper;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.indices.analysis.PreBuiltCacheFactory.CachingStrategy;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.MapperPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.RestHandler;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Adds to the integ-test build of Elasticsearch (which ships only a few modules) the
 * pieces the project's index uses, under Elasticsearch's own names and parameters and
 * built from Lucene's own classes, so an index definition made for a full Elasticsearch
 * works unchanged:
 * <ul>
 *   <li>analyzers {@code danish}, {@code swedish}, {@code english} (as in analysis-common),
 *   <li>token filters {@code lowercase}, {@code asciifolding}, {@code stemmer},
 *       {@code synonym_graph}, {@code dictionary_decompounder} ({@code stop} and
 *       {@code shingle} are already in the server),
 *   <li>the {@code search_as_you_type} field type (normally in mapper-extras),
 *   <li>{@code GET /} (normally in the rest-root module; the Python client's info() uses it).
 * </ul>
 */
public class BroCompatPlugin extends Plugin implements AnalysisPlugin, MapperPlugin, ActionPlugin {

    private final SetOnce<ClusterService> clusterService = new SetOnce<>();

    @Override
    public Collection<?> createComponents(PluginServices services) {
        clusterService.set(services.clusterService());
        return List.of();
    }

    // ------------------------------------------------------------------ analyzers

    /** Language analyzers that can be configured ({"type": "danish", "stopwords": ...}). */
    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of(
            "danish", (is, env, name, s) -> provider(name, s,
                new DanishAnalyzer(stopWords(env, s, DanishAnalyzer.getDefaultStopSet()), stemExclusion(s))),
            "swedish", (is, env, name, s) -> provider(name, s,
                new SwedishAnalyzer(stopWords(env, s, SwedishAnalyzer.getDefaultStopSet()), stemExclusion(s))),
            "english", (is, env, name, s) -> provider(name, s,
                new EnglishAnalyzer(stopWords(env, s, EnglishAnalyzer.getDefaultStopSet()), stemExclusion(s)))
        );
    }

    /** The same analyzers with their defaults, usable by name in a mapping without any settings. */
    @Override
    public List<PreBuiltAnalyzerProviderFactory> getPreBuiltAnalyzerProviderFactories() {
        return List.of(
            new PreBuiltAnalyzerProviderFactory("danish", CachingStrategy.LUCENE, DanishAnalyzer::new),
            new PreBuiltAnalyzerProviderFactory("swedish", CachingStrategy.LUCENE, SwedishAnalyzer::new),
            new PreBuiltAnalyzerProviderFactory("english", CachingStrategy.LUCENE, EnglishAnalyzer::new)
        );
    }

    private static CharArraySet stopWords(Environment env, Settings settings, CharArraySet defaults) {
        return Analysis.parseStopWords(env, settings, defaults);
    }

    private static CharArraySet stemExclusion(Settings settings) {
        return Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET);
    }

    private static <T extends Analyzer> AnalyzerProvider<T> provider(String name, Settings settings, T analyzer) {
        return new AbstractIndexAnalyzerProvider<>(name, settings) {
            @Override
            public T get() {
                return analyzer;
            }
        };
    }

    // ------------------------------------------------------------------ token filters

    /**
     * Filters used by bare name in a filter list; "true" makes them usable in normalizers too.
     * The server already has a pre-configured {@code lowercase} (and {@code stop}, {@code shingle}).
     */
    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(PreConfiguredTokenFilter.singleton("asciifolding", true, ASCIIFoldingFilter::new));
    }

    /** Filters defined with a type and parameters in the index's analysis settings. */
    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "lowercase", SimpleFilters::lowercase,
            "asciifolding", SimpleFilters::asciiFolding,
            "stemmer", StemmerFilterFactory::new,
            "synonym_graph", AnalysisPlugin.requiresAnalysisSettings(SynonymGraphFilterFactory::new),
            "dictionary_decompounder", AnalysisPlugin.requiresAnalysisSettings(DictionaryDecompounderFilterFactory::new)
        );
    }

    // ------------------------------------------------------------------ mappings and REST

    @Override
    public Map<String, Mapper.TypeParser> getMappers() {
        return Map.of(SearchAsYouTypeMapper.CONTENT_TYPE, SearchAsYouTypeMapper.PARSER);
    }

    @Override
    public Collection<RestHandler> getRestHandlers(
        Settings settings,
        org.elasticsearch.common.io.stream.NamedWriteableRegistry namedWriteableRegistry,
        org.elasticsearch.rest.RestController restController,
        org.elasticsearch.common.settings.ClusterSettings clusterSettings,
        org.elasticsearch.common.settings.IndexScopedSettings indexScopedSettings,
        org.elasticsearch.common.settings.SettingsFilter settingsFilter,
        org.elasticsearch.cluster.metadata.IndexNameExpressionResolver indexNameExpressionResolver,
        Supplier<org.elasticsearch.cluster.node.DiscoveryNodes> nodesInCluster,
        java.util.function.Predicate<org.elasticsearch.features.NodeFeature> clusterSupportsFeature
    ) {
        return List.of(new RootInfoHandler(clusterService::get));
    }
}
