package org.parley.source;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.audit.Audit;
import org.parley.graphql.DatePrecision;
import org.parley.graphql.InputValidation;
import org.parley.graphql.NodeType;
import org.parley.graphql.Slugs;
import org.parley.graphql.UserError;
import org.parley.graphql.UserErrorCode;
import org.parley.graphql.UserErrorException;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Writes of sources, one transaction each, audit entry included. */
@ApplicationScoped
public class SourceService {

    private final InputValidation validation;
    private final Audit audit;

    SourceService(InputValidation validation, Audit audit) {
        this.validation = validation;
        this.audit = audit;
    }

    /** Adds a source; returns its id. */
    @WithTransaction
    public Uni<Long> add(AddSourceInput input) {
        validation.check(input);
        if (input.publishedAt != null && input.updatedAt != null && input.updatedAt.isBefore(input.publishedAt)) {
            throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
                    "must not be before publishedAt", "input", "updatedAt"));
        }
        SourceEntity source = new SourceEntity();
        source.title = input.title.strip();
        source.publisher = input.publisher;
        source.author = input.author;
        source.url = input.url;
        source.publishedAt = input.publishedAt;
        source.updatedAt = input.updatedAt;
        OffsetDateTime printed = input.publishedAt != null ? input.publishedAt : input.updatedAt;
        if (input.publishedAt != null) {
            source.publishedOn = input.publishedAt.toLocalDate();
            source.publishedPrecision = DatePrecision.DAY.name();
        }
        source.printedOffsetSeconds = printed == null ? null : printed.getOffset().getTotalSeconds();
        source.language = input.language;
        source.reliabilityNote = input.reliabilityNote;
        source.modifiedAt = OffsetDateTime.now();
        Uni<Long> sameUrl = input.url == null ? Uni.createFrom().item(0L) : SourceEntity.count("url", input.url);
        return sameUrl.invoke(count -> {
            if (count > 0) {
                throw new UserErrorException(UserError.of(UserErrorCode.TAKEN,
                        "another source has this URL", "input", "url"));
            }
        })
                .chain(() -> Slugs.free("source", Slugs.of(
                        (input.publisher == null ? "" : input.publisher + " ") + source.title, "source")))
                .chain(slug -> {
                    source.slug = slug;
                    return source.<SourceEntity> persist();
                })
                .chain(() -> audit.record("addSource", NodeType.SOURCE, source.id))
                .replaceWith(() -> source.id);
    }
}
