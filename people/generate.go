package people

//go:generate go run ../internal/gencountries -in ../../shared/data/world-countries-5.1.0.json -out countries_gen.go
//go:generate go run ../internal/gendata -in ../../shared/data -out data
