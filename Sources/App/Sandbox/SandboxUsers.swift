/// The sandbox sample set, embedded so that `scimterm --sandbox` never depends on the current
/// directory. It mirrors `examples/sandbox-users.json` (a test checks they agree): 25 users with
/// non-ASCII names, a manager chain, and one record with a deliberate warning.
public enum SandboxUsers {
    public static let json = #"""
[
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1001",
    "userName": "zoe.angstrom@contoso.com",
    "name": {
      "givenName": "Zoë",
      "familyName": "Ångström"
    },
    "displayName": "Zoë Ångström",
    "title": "Chief Executive Officer",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "zoe.angstrom@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "Kraków",
        "country": "PL"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1001",
      "department": "Executive",
      "organization": "Contoso"
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1002",
    "userName": "jose.garcia@contoso.com",
    "name": {
      "givenName": "José",
      "familyName": "García"
    },
    "displayName": "José García",
    "title": "VP Engineering",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "jose.garcia@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "Zürich",
        "country": "CH"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1002",
      "department": "Engineering",
      "organization": "Contoso",
      "manager": {
        "value": "1001"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1003",
    "userName": "bjorn.sondergaard@contoso.com",
    "name": {
      "givenName": "Björn",
      "familyName": "Søndergaard"
    },
    "displayName": "Björn Søndergaard",
    "title": "VP Sales",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "bjorn.sondergaard@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "São Paulo",
        "country": "BR"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1003",
      "department": "Sales",
      "organization": "Contoso",
      "manager": {
        "value": "1001"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1004",
    "userName": "siobhan.obrien@contoso.com",
    "name": {
      "givenName": "Siobhán",
      "familyName": "O'Brien"
    },
    "displayName": "Siobhán O'Brien",
    "title": "Director of People",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "siobhan.obrien@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "Kraków",
        "country": "PL"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1004",
      "department": "Human Resources",
      "organization": "Contoso",
      "manager": {
        "value": "1001"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1005",
    "userName": "lukasz.kowalczyk@contoso.com",
    "name": {
      "givenName": "Łukasz",
      "familyName": "Kowalczyk"
    },
    "displayName": "Łukasz Kowalczyk",
    "title": "Engineering Manager",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "lukasz.kowalczyk@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "Zürich",
        "country": "CH"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1005",
      "department": "Engineering",
      "organization": "Contoso",
      "manager": {
        "value": "1002"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1006",
    "userName": "ngoc.nguyen@contoso.com",
    "name": {
      "givenName": "Ngọc Anh",
      "familyName": "Nguyễn"
    },
    "displayName": "Ngọc Anh Nguyễn",
    "title": "Software Engineer",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "ngoc.nguyen@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "Zürich",
        "country": "CH"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1006",
      "department": "Engineering",
      "organization": "Contoso",
      "manager": {
        "value": "1005"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1007",
    "userName": "francois.dubois@contoso.com",
    "name": {
      "givenName": "François",
      "familyName": "Dubois"
    },
    "displayName": "François Dubois",
    "title": "Software Engineer",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "francois.dubois@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "Zürich",
        "country": "CH"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1007",
      "department": "Engineering",
      "organization": "Contoso",
      "manager": {
        "value": "1005"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1008",
    "userName": "user1008@contoso.com",
    "name": {
      "givenName": "美咲",
      "familyName": "田中"
    },
    "displayName": "美咲 田中",
    "title": "Software Engineer",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "user1008@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "Zürich",
        "country": "CH"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1008",
      "department": "Engineering",
      "organization": "Contoso",
      "manager": {
        "value": "1005"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1009",
    "userName": "omer.yilmaz@contoso.com",
    "name": {
      "givenName": "Ömer",
      "familyName": "Yılmaz"
    },
    "displayName": "Ömer Yılmaz",
    "title": "Site Reliability Engineer",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "omer.yilmaz@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "Zürich",
        "country": "CH"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1009",
      "department": "Engineering",
      "organization": "Contoso",
      "manager": {
        "value": "1005"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1010",
    "userName": "priya.raghunathan@contoso.com",
    "name": {
      "givenName": "Priya",
      "familyName": "Raghunathan"
    },
    "displayName": "Priya Raghunathan",
    "title": "Product Manager",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "priya.raghunathan@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "Zürich",
        "country": "CH"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1010",
      "department": "Engineering",
      "organization": "Contoso",
      "manager": {
        "value": "1002"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1011",
    "userName": "mateo.fernandez@contoso.com",
    "name": {
      "givenName": "Mateo",
      "familyName": "Fernández"
    },
    "displayName": "Mateo Fernández",
    "title": "Account Executive",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "mateo.fernandez@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "São Paulo",
        "country": "BR"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1011",
      "department": "Sales",
      "organization": "Contoso",
      "manager": {
        "value": "1003"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1012",
    "userName": "aisha.bello@contoso.com",
    "name": {
      "givenName": "Aisha",
      "familyName": "Bello"
    },
    "displayName": "Aisha Bello",
    "title": "Account Executive",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "aisha.bello@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "São Paulo",
        "country": "BR"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1012",
      "department": "Sales",
      "organization": "Contoso",
      "manager": {
        "value": "1003"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1013",
    "userName": "jurgen.muller@contoso.com",
    "name": {
      "givenName": "Jürgen",
      "familyName": "Müller"
    },
    "displayName": "Jürgen Müller",
    "title": "Sales Engineer",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "jurgen.muller@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "São Paulo",
        "country": "BR"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1013",
      "department": "Sales",
      "organization": "Contoso",
      "manager": {
        "value": "1003"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1014",
    "userName": "ines.delacruz@contoso.com",
    "name": {
      "givenName": "Inés",
      "familyName": "de la Cruz"
    },
    "displayName": "Inés de la Cruz",
    "title": "Sales Operations Analyst",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "ines.delacruz@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "São Paulo",
        "country": "BR"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1014",
      "department": "Sales",
      "organization": "Contoso",
      "manager": {
        "value": "1003"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1015",
    "userName": "user1015@contoso.com",
    "name": {
      "givenName": "Олег",
      "familyName": "Петров"
    },
    "displayName": "Олег Петров",
    "title": "Solutions Architect",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "user1015@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "São Paulo",
        "country": "BR"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1015",
      "department": "Sales",
      "organization": "Contoso",
      "manager": {
        "value": "1003"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1016",
    "userName": "yuki.sato@contoso.com",
    "name": {
      "givenName": "Yuki",
      "familyName": "Sato"
    },
    "displayName": "Yuki Sato",
    "title": "HR Business Partner",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "yuki.sato@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "Kraków",
        "country": "PL"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1016",
      "department": "Human Resources",
      "organization": "Contoso",
      "manager": {
        "value": "1004"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1017",
    "userName": "chloe.martin@contoso.com",
    "name": {
      "givenName": "Chloé",
      "familyName": "Martin"
    },
    "displayName": "Chloé Martin",
    "title": "Recruiter",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "chloe.martin@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "Kraków",
        "country": "PL"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1017",
      "department": "Human Resources",
      "organization": "Contoso",
      "manager": {
        "value": "1004"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1018",
    "userName": "oyvind.hansen@contoso.com",
    "name": {
      "givenName": "Øyvind",
      "familyName": "Hansen"
    },
    "displayName": "Øyvind Hansen",
    "title": "Payroll Specialist",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "oyvind.hansen@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "Kraków",
        "country": "PL"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1018",
      "department": "Human Resources",
      "organization": "Contoso",
      "manager": {
        "value": "1004"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1019",
    "userName": "talya.fleeta@contoso.com",
    "name": {
      "givenName": "Talya",
      "familyName": "Fleeta"
    },
    "displayName": "Talya Fleeta",
    "title": "Software Engineer",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "talya.fleeta@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "Zürich",
        "country": "CH"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1019",
      "department": "Engineering",
      "organization": "Contoso",
      "manager": {
        "value": "1005"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1020",
    "userName": "ginnie.fadiman@contoso.com",
    "name": {
      "givenName": "Ginnie",
      "familyName": "Fadiman"
    },
    "displayName": "Ginnie Fadiman",
    "title": "Project Manager",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "ginnie.fadiman@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "Zürich",
        "country": "CH"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1020",
      "department": "Engineering",
      "organization": "Contoso",
      "manager": {
        "value": "1002"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1021",
    "userName": "antonin.dvorak@contoso.com",
    "name": {
      "givenName": "Antonín",
      "familyName": "Dvořák"
    },
    "displayName": "Antonín Dvořák",
    "title": "Technical Writer",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "antonin.dvorak@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "Zürich",
        "country": "CH"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1021",
      "department": "Engineering",
      "organization": "Contoso",
      "manager": {
        "value": "1010"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1022",
    "userName": "saoirse.nibhriain@contoso.com",
    "name": {
      "givenName": "Saoirse",
      "familyName": "Ní Bhriain"
    },
    "displayName": "Saoirse Ní Bhriain",
    "title": "Customer Success Manager",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "saoirse.nibhriain@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "São Paulo",
        "country": "BR"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1022",
      "department": "Sales",
      "organization": "Contoso",
      "manager": {
        "value": "1003"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1023",
    "userName": "kwame.mensah@contoso.com",
    "name": {
      "givenName": "Kwame",
      "familyName": "Mensah"
    },
    "displayName": "Kwame Mensah",
    "title": "Data Analyst",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "kwame.mensah@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "Zürich",
        "country": "CH"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1023",
      "department": "Engineering",
      "organization": "Contoso",
      "manager": {
        "value": "1010"
      }
    }
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1024",
    "userName": "lea.rousseau@contoso.com",
    "name": {
      "givenName": "Léa",
      "familyName": "Rousseau"
    },
    "displayName": "Léa Rousseau",
    "title": "Intern",
    "userType": "Intern",
    "emails": [
      {
        "value": "lea.rousseau@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "Zürich",
        "country": "CH"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1024",
      "department": "Engineering",
      "organization": "Contoso",
      "manager": {
        "value": "1005"
      }
    },
    "phoneNumbers": [
      {
        "value": "+33 1 23 45 67 89",
        "type": "mobile"
      }
    ]
  },
  {
    "schemas": [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    ],
    "externalId": "1025",
    "userName": "mikko.virtanen@contoso.com",
    "name": {
      "givenName": "Mikko",
      "familyName": "Virtanen"
    },
    "displayName": "Mikko Virtanen",
    "title": "Security Engineer",
    "userType": "Employee",
    "active": true,
    "emails": [
      {
        "value": "mikko.virtanen@contoso.com",
        "type": "work",
        "primary": true
      }
    ],
    "addresses": [
      {
        "type": "work",
        "locality": "Zürich",
        "country": "CH"
      }
    ],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "1025",
      "department": "Engineering",
      "organization": "Contoso",
      "manager": {
        "value": "1005"
      }
    }
  }
]
"""#
}
