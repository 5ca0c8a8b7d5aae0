package people

//go:generate go run ../internal/gencountries -in ../../shared/data/world-countries-5.1.0.json -out countries_gen.go
