package org.parley.encounter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("Place")
@Description("Where an encounter took or takes place.")
public class Place {

    @Ignore
    public Long countryId;

    @NonNull
    @Description("The venue or city, e.g. \"Vostochny Cosmodrome\".")
    public String name;

    @Description("The city or region around the venue, when the name is not itself the city.")
    public String locality;

    @Description("Latitude in decimal degrees (WGS 84); null when unknown.")
    public Double latitude;

    @Description("Longitude in decimal degrees (WGS 84); null when unknown.")
    public Double longitude;

    /** The place of an encounter row, or null when the row has none. */
    static Place from(Row row) {
        String name = row.getString("place_name");
        if (name == null) {
            return null;
        }
        Place place = new Place();
        place.name = name;
        place.locality = row.getString("place_locality");
        place.countryId = row.getLong("place_country_id");
        place.latitude = row.getDouble("latitude");
        place.longitude = row.getDouble("longitude");
        return place;
    }
}
