module github.com/newslint/newslint

go 1.26.8

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/sergi/go-diff v1.4.0
	github.com/stretchr/testify v1.12.1
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
