package bro.elasticsearch;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.elasticsearch.index.IndexVersion;
import org.elasticsearch.index.analysis.AnalyzerScope;
import org.elasticsearch.index.analysis.IndexAnalyzers;
import org.elasticsearch.index.analysis.NamedAnalyzer;
import org.elasticsearch.index.mapper.DocumentParserContext;
import org.elasticsearch.index.mapper.FieldMapper;
import org.elasticsearch.index.mapper.MappedFieldType;
import org.elasticsearch.index.mapper.Mapper;
import org.elasticsearch.index.mapper.MapperBuilderContext;
import org.elasticsearch.index.mapper.MapperParsingException;
import org.elasticsearch.index.mapper.TextFieldMapper;
import org.elasticsearch.index.mapper.TextParams;
import org.elasticsearch.index.mapper.TextSearchInfo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A small {@code search_as_you_type} field: the text itself, plus the subfields
 * {@code ._2gram} .. {@code ._<max_shingle_size>gram} (shingles of the field's analysis)
 * and {@code ._index_prefix} (edge n-grams of those shingles), so the documented
 * {@code multi_match} of type {@code bool_prefix} over the field and its subfields works.
 *
 * <p>Parameters: {@code analyzer}, {@code search_analyzer}, {@code search_quote_analyzer},
 * {@code max_shingle_size} (2..4, default 3) and {@code meta}.  Unlike mapper-extras' field it
 * has no query-routing optimisations (a prefix or phrase query on the root field runs on the
 * root field), which only matters for speed on large indexes.
 */
final class SearchAsYouTypeMapper extends FieldMapper {

    static final String CONTENT_TYPE = "search_as_you_type";
    private static final int MAX_PREFIX = 20;

    static final TypeParser PARSER = new TypeParser((name, c) -> new Builder(name, c.getIndexAnalyzers(), c.indexVersionCreated()));

    static final class Builder extends FieldMapper.Builder {
        private final IndexAnalyzers indexAnalyzers;
        private final IndexVersion indexVersion;
        private final TextParams.Analyzers analyzers;
        private final Parameter<Integer> maxShingleSize = Parameter.intParam(
            "max_shingle_size", false, m -> ((SearchAsYouTypeMapper) m).builder.maxShingleSize.get(), 3
        ).addValidator(v -> {
            if (v < 2 || v > 4) {
                throw new MapperParsingException("[max_shingle_size] must be at least [2] and at most [4], got [" + v + "]");
            }
        }).alwaysSerialize();
        private final Parameter<Map<String, String>> meta = Parameter.metaParam();

        Builder(String name, IndexAnalyzers indexAnalyzers, IndexVersion indexVersion) {
            super(name);
            this.indexAnalyzers = indexAnalyzers;
            this.indexVersion = indexVersion;
            this.analyzers = new TextParams.Analyzers(
                indexAnalyzers,
                m -> ((SearchAsYouTypeMapper) m).builder.analyzers.getIndexAnalyzer(),
                m -> ((SearchAsYouTypeMapper) m).builder.analyzers.positionIncrementGap.get(),
                indexVersion
            );
        }

        @Override
        protected Parameter<?>[] getParameters() {
            return new Parameter<?>[] {
                maxShingleSize, analyzers.indexAnalyzer, analyzers.searchAnalyzer, analyzers.searchQuoteAnalyzer, meta };
        }

        @Override
        public SearchAsYouTypeMapper build(MapperBuilderContext context) {
            String fullName = context.buildFullName(leafName());
            NamedAnalyzer index = analyzers.getIndexAnalyzer();
            NamedAnalyzer search = analyzers.getSearchAnalyzer();
            NamedAnalyzer quote = analyzers.getSearchQuoteAnalyzer();
            Map<String, NamedAnalyzer> fieldAnalyzers = new HashMap<>();

            FieldType textType = new FieldType();
            textType.setTokenized(true);
            textType.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
            textType.freeze();
            RootFieldType root = new RootFieldType(fullName, new TextSearchInfo(textType, null, search, quote), meta.get());
            fieldAnalyzers.put(fullName, index);

            List<SubFieldMapper> subfields = new ArrayList<>();
            for (int size = 2; size <= maxShingleSize.get(); size++) {
                int n = size;
                UnaryOperator<TokenStream> shingles = in -> shingles(in, n, n, false);
                String name = fullName + "._" + n + "gram";
                TextSearchInfo info = new TextSearchInfo(textType, null, wrap(search, shingles), wrap(quote, shingles));
                subfields.add(new SubFieldMapper(name, info, textType));
                fieldAnalyzers.put(name, wrap(index, shingles));
            }

            // Every unigram and shingle, cut into edge n-grams: a prefix of what the user has
            // typed so far (one or more words) is then a plain term in this field.
            int max = maxShingleSize.get();
            FieldType prefixType = new FieldType();
            prefixType.setTokenized(true);
            prefixType.setIndexOptions(IndexOptions.DOCS);
            prefixType.setOmitNorms(true);
            prefixType.freeze();
            String prefixName = fullName + "._index_prefix";
            NamedAnalyzer prefixSearch = wrap(search, in -> shingles(in, 2, max, true));
            subfields.add(new SubFieldMapper(prefixName, new TextSearchInfo(prefixType, null, prefixSearch, search), prefixType));
            fieldAnalyzers.put(prefixName, wrap(index, in -> new EdgeNGramTokenFilter(shingles(in, 2, max, true), 1, MAX_PREFIX, false)));

            return new SearchAsYouTypeMapper(leafName(), root, builderParams(this, context), this, textType, fieldAnalyzers, subfields);
        }
    }

    private static TokenStream shingles(TokenStream in, int min, int max, boolean unigrams) {
        ShingleFilter filter = new ShingleFilter(in, min, max);
        filter.setOutputUnigrams(unigrams);
        return filter;
    }

    /** The given analyzer with one more filter at the end, under the same name. */
    private static NamedAnalyzer wrap(NamedAnalyzer analyzer, UnaryOperator<TokenStream> filter) {
        Analyzer inner = analyzer.analyzer();
        Analyzer wrapped = new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return inner;
            }

            @Override
            protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
                return new TokenStreamComponents(components.getSource(), filter.apply(components.getTokenStream()));
            }
        };
        return new NamedAnalyzer(analyzer.name(), AnalyzerScope.INDEX, wrapped);
    }

    /** The root field answers queries like a text field; only its type name differs. */
    static final class RootFieldType extends TextFieldMapper.TextFieldType {
        RootFieldType(String name, TextSearchInfo info, Map<String, String> meta) {
            super(name, true, false, info, false, null, meta, false, false);
        }

        @Override
        public String typeName() {
            return CONTENT_TYPE;
        }
    }

    /** A shingle or prefix subfield: searchable by its full name, filled in by the parent. */
    static final class SubFieldMapper extends FieldMapper {
        private final FieldType luceneType;

        SubFieldMapper(String fullName, TextSearchInfo info, FieldType luceneType) {
            super(fullName.substring(fullName.lastIndexOf('.') + 1),
                new TextFieldMapper.TextFieldType(fullName, true, false, info, false, null, Map.of(), false, false),
                BuilderParams.empty());
            this.luceneType = luceneType;
        }

        @Override
        protected void parseCreateField(DocumentParserContext context) {
            throw new UnsupportedOperationException("the search_as_you_type field indexes its subfields");
        }

        @Override
        protected String contentType() {
            return "search_as_you_type_subfield";
        }

        @Override
        public FieldMapper.Builder getMergeBuilder() {
            return null; // rebuilt by the parent
        }
    }

    private final Builder builder;
    private final FieldType luceneType;
    private final Map<String, NamedAnalyzer> fieldAnalyzers;
    private final List<SubFieldMapper> subfields;

    private SearchAsYouTypeMapper(
        String leafName,
        MappedFieldType fieldType,
        BuilderParams params,
        Builder builder,
        FieldType luceneType,
        Map<String, NamedAnalyzer> fieldAnalyzers,
        List<SubFieldMapper> subfields
    ) {
        super(leafName, fieldType, params);
        this.builder = builder;
        this.luceneType = luceneType;
        this.fieldAnalyzers = fieldAnalyzers;
        this.subfields = subfields;
    }

    @Override
    protected void parseCreateField(DocumentParserContext context) throws IOException {
        String value = context.parser().textOrNull();
        if (value == null) {
            return;
        }
        context.doc().add(new Field(fullPath(), value, luceneType));
        for (SubFieldMapper subfield : subfields) {
            context.doc().add(new Field(subfield.fullPath(), value, subfield.luceneType));
        }
    }

    @Override
    public Map<String, NamedAnalyzer> indexAnalyzers() {
        return fieldAnalyzers;
    }

    @Override
    protected String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public FieldMapper.Builder getMergeBuilder() {
        return new Builder(leafName(), builder.indexAnalyzers, builder.indexVersion).init(this);
    }

    @Override
    public Iterator<Mapper> iterator() {
        List<Mapper> children = new ArrayList<>();
        super.iterator().forEachRemaining(children::add);
        children.addAll(subfields);
        return children.iterator();
    }
}
