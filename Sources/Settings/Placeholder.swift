// Settings: see Package.swift
