package org.parley.encounter;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("PlaceInput")
@Description("Where an encounter takes place. Give latitude and longitude together, or neither.")
public class PlaceInput {

    @NonNull
    @NotBlank
    @Size(max = 300)
    @Description("The venue or city.")
    public String name;

    @Size(min = 1, max = 300)
    @Description("The city or region around the venue.")
    public String locality;

    @Id
    @Description("The state the place lies in.")
    public String country;

    @DecimalMin("-90")
    @DecimalMax("90")
    @Description("Latitude in decimal degrees (WGS 84), -90 to 90.")
    public Double latitude;

    @DecimalMin("-180")
    @DecimalMax("180")
    @Description("Longitude in decimal degrees (WGS 84), -180 to 180.")
    public Double longitude;
}
