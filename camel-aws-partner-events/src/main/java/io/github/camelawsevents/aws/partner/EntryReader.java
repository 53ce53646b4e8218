package io.github.camelawsevents.aws.partner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import io.github.camelawsevents.aws.core.BatchLimits;
import io.github.camelawsevents.aws.core.EventTimestamps;
import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.core.Json;
import io.github.camelawsevents.aws.core.MessageHeaders;
import org.apache.camel.Message;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

/**
 * Turns a message into complete, checked PutPartnerEvents entries. Each member comes from the entry if it has it,
 * else from the message's header, else from the defaults (the endpoint's options or the aggregation strategy's).
 * <p>
 * The body may be a Detail (JSON text as String, byte[] or InputStream; a Map, POJO or {@code JsonNode}; a
 * {@link PartnerEventDetail}), a {@link PutPartnerEventsRequestEntry}, a {@link PutPartnerEventsRequest}, or a
 * Collection or array of those.
 */
final class EntryReader {

    /** What the names of the headers read here start with ({@link AwsPartnerEventsConstants}). */
    static final String HEADER_PREFIX = "CamelAwsPartnerEvents";

    private final String source;
    private final String detailType;
    private final List<String> resources;
    private final BatchLimits limits;
    private final boolean membersLater;
    /** What a message without any header of ours gets. */
    private final MessageDefaults endpointDefaults;
    /**
     * The last Source that passed its check: nearly every entry carries its endpoint's Source, and whether a string is
     * valid never changes, so an equal string skips the pattern (about 6% of the producer's CPU per entry, measured
     * with the benchmark harness's JFR profile).
     */
    private volatile String lastValidSource;
    private volatile String lastValidDetailType;
    private volatile List<String> lastValidResources;

    /**
     * A reader for a producer: every entry must end up with a Source and a DetailType.
     *
     * @param source     the Source when neither entry nor header has one (may be null)
     * @param detailType the DetailType when neither entry nor header has one (may be null)
     * @param resources  the Resources when neither entry nor header has them (may be null)
     * @param limits     the request limits; an entry larger than a request can carry is refused
     */
    public EntryReader(String source, String detailType, List<String> resources, BatchLimits limits) {
        this(source, detailType, resources, limits, false);
    }

    private EntryReader(String source, String detailType, List<String> resources, BatchLimits limits,
                        boolean membersLater) {
        this.source = source;
        this.detailType = detailType;
        this.resources = resources;
        this.limits = limits;
        this.membersLater = membersLater;
        this.endpointDefaults = new MessageDefaults(source, detailType, resources, null);
    }

    /**
     * A reader for an aggregation strategy, which may not know the Source or DetailType: an entry may lack them (the
     * endpoint fills them in at send time), and its size counts the most a valid Source ({@value
     * EntryRules#SOURCE_MAX_BYTES} bytes) and DetailType ({@value EntryRules#DETAIL_TYPE_MAX_BYTES} bytes) can add, so a
     * batch still fits in one request once they are filled in.
     */
    public static EntryReader forAggregation(String source, String detailType, List<String> resources,
                                             BatchLimits limits) {
        return new EntryReader(source, detailType, resources, limits, true);
    }

    /** The entries of one message, in input order, with their sizes by {@link EntrySizer}. */
    public record Entries(List<PutPartnerEventsRequestEntry> entries, long[] sizes) {

        public int size() {
            return entries.size();
        }

        /** The size of all entries together. */
        public long totalSize() {
            long total = 0;
            for (long size : sizes) {
                total += size;
            }
            return total;
        }
    }

    /** The member values a message's headers give, over the defaults. */
    private record MessageDefaults(String source, String detailType, List<String> resources, Instant time) {
    }

    /**
     * Reads and checks every entry of the message.
     *
     * @throws FieldValidationException for the first entry (or header) the API would refuse; nothing is sent then
     */
    public Entries read(Message message) {
        MessageDefaults defaults = defaultsOf(message);
        List<?> elements = elementsOf(message.getBody());
        List<PutPartnerEventsRequestEntry> entries = new ArrayList<>(elements.size());
        long[] sizes = new long[elements.size()];
        for (int i = 0; i < elements.size(); i++) {
            PutPartnerEventsRequestEntry entry = entryOf(elements.get(i), defaults, i);
            sizes[i] = EntrySizer.sizeOf(entry);
            String entrySource = entry.source();
            if (entrySource != null || !membersLater) {
                if (entrySource == null || !entrySource.equals(lastValidSource)) {
                    EntryRules.checkSource(entrySource, i);
                    lastValidSource = entrySource;
                }
            } else {
                sizes[i] += EntryRules.SOURCE_MAX_BYTES;
            }
            if (entry.detailType() == null && membersLater) {
                sizes[i] += EntryRules.DETAIL_TYPE_MAX_BYTES;
            }
            checkAllButSource(entry, sizes[i], i, serialisedHere(elements.get(i)));
            entries.add(entry);
        }
        return new Entries(entries, sizes);
    }

    /**
     * The checks of {@link EntryRules#checkAllButSource}, without repeating what is known already: a DetailType or
     * Resources list equal to the last one that passed (the endpoint's or a header's, the same for every entry) is not
     * checked again, and a Detail this reader serialised itself (Jackson writes well-formed JSON) is only checked to be
     * an object, not parsed again.
     */
    private void checkAllButSource(PutPartnerEventsRequestEntry entry, long size, int index, boolean serialised) {
        String entryDetailType = entry.detailType();
        if (!membersLater || entryDetailType != null) {
            if (entryDetailType == null || !entryDetailType.equals(lastValidDetailType)) {
                EntryRules.checkDetailType(entryDetailType, index);
                lastValidDetailType = entryDetailType;
            }
        }
        if (serialised) {
            EntryRules.checkSerialisedDetail(entry.detail(), index);
        } else {
            EntryRules.checkDetail(entry.detail(), index);
        }
        if (entry.hasResources() && !entry.resources().equals(lastValidResources)) {
            EntryRules.checkResources(entry.resources(), index);
            lastValidResources = entry.resources();
        }
        EntryRules.checkTimeAndSize(entry, size, limits, index);
    }

    /** Whether the reader makes the Detail JSON text itself (Jackson), rather than taking text it was given. */
    private static boolean serialisedHere(Object element) {
        return element != null && !(element instanceof CharSequence || element instanceof byte[]
                                     || element instanceof java.io.InputStream
                                     || element instanceof PutPartnerEventsRequestEntry
                                     || element instanceof PartnerEventDetail);
    }

    private MessageDefaults defaultsOf(Message message) {
        if (!MessageHeaders.mayHaveAny(message, HEADER_PREFIX)) {
            return endpointDefaults; // no header of ours: one look-up instead of four
        }
        String headerSource = message.getHeader(AwsPartnerEventsConstants.SOURCE, String.class);
        String headerDetailType = message.getHeader(AwsPartnerEventsConstants.DETAIL_TYPE, String.class);
        List<String> headerResources = ResourceList.fromHeader(message.getHeader(AwsPartnerEventsConstants.RESOURCES));
        Instant time = EventTimestamps.fromHeader(message.getHeader(AwsPartnerEventsConstants.TIME),
                AwsPartnerEventsConstants.TIME);
        return new MessageDefaults(
                headerSource != null ? headerSource : source,
                headerDetailType != null ? headerDetailType : detailType,
                headerResources != null ? headerResources : resources,
                time);
    }

    private static List<?> elementsOf(Object body) {
        if (body instanceof Collection<?> collection) {
            return collection instanceof List<?> list ? list : new ArrayList<>(collection);
        }
        if (body instanceof PutPartnerEventsRequest request) {
            return request.entries();
        }
        if (body instanceof Object[] array) {
            return java.util.Arrays.asList(array);
        }
        return Collections.singletonList(body);
    }

    private static PutPartnerEventsRequestEntry entryOf(Object element, MessageDefaults defaults, int index) {
        if (element instanceof PutPartnerEventsRequestEntry entry) {
            return complete(entry, defaults);
        }
        PutPartnerEventsRequestEntry.Builder builder = PutPartnerEventsRequestEntry.builder()
                .detail(detailOf(element, index))
                .source(defaults.source())
                .detailType(defaults.detailType())
                .time(defaults.time());
        if (defaults.resources() != null) {
            builder.resources(defaults.resources());
        }
        return builder.build();
    }

    /** The entry itself when it lacks nothing the defaults could give, else a copy with the gaps filled. */
    private static PutPartnerEventsRequestEntry complete(PutPartnerEventsRequestEntry entry, MessageDefaults defaults) {
        boolean needsSource = entry.source() == null && defaults.source() != null;
        boolean needsDetailType = entry.detailType() == null && defaults.detailType() != null;
        boolean needsResources = !entry.hasResources() && defaults.resources() != null;
        boolean needsTime = entry.time() == null && defaults.time() != null;
        if (!(needsSource || needsDetailType || needsResources || needsTime)) {
            return entry;
        }
        PutPartnerEventsRequestEntry.Builder builder = entry.toBuilder();
        if (needsSource) {
            builder.source(defaults.source());
        }
        if (needsDetailType) {
            builder.detailType(defaults.detailType());
        }
        if (needsResources) {
            builder.resources(defaults.resources());
        }
        if (needsTime) {
            builder.time(defaults.time());
        }
        return builder.build();
    }

    /** The Detail JSON text of a body element; text is taken as is (checked later), records are serialised. */
    static String detailOf(Object element, int index) {
        if (element == null) {
            throw FieldValidationException.missing("Detail", index);
        }
        if (element instanceof PartnerEventDetail detail) {
            return detail.json();
        }
        // bytes must be UTF-8 (refused, not replaced by U+FFFD); a record Jackson cannot write is refused too
        return Json.toJsonText(element, "Detail", index);
    }
}
