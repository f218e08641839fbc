package vn.dondoc.notifier.units;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The units the notifier has heard of, by code. */
public interface Units extends MongoRepository<Unit, String> {
}
