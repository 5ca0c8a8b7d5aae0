package linter

func inspectPeople(a *Article, rep *InspectReport) {}
