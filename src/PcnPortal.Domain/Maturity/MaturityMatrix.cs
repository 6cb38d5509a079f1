namespace PcnPortal.Domain.Maturity;

/// <summary>What one cell of the matrix looks like, for the PCN and for the system supporting it.</summary>
public sealed record MaturityDescriptor(MaturityDomain Domain, MaturityStep Step, string ForPcns, string ForSystems);

/// <summary>
/// A named version of the matrix (one descriptor per domain × step). The web layer seeds <see cref="MaturityMatrix.Default"/>
/// into the database; administrators can edit it and add versions, so nothing else in the domain depends on the wording.
/// </summary>
public sealed record MaturityMatrixVersion(string Name, IReadOnlyList<MaturityDescriptor> Descriptors)
{
    public MaturityDescriptor? Find(MaturityDomain domain, MaturityStep step) =>
        Descriptors.FirstOrDefault(d => d.Domain == domain && d.Step == step);

    /// <summary>The domain × step cells that have no descriptor (empty when the version is complete).</summary>
    public IReadOnlyList<(MaturityDomain Domain, MaturityStep Step)> MissingCells() =>
        [.. from domain in MaturityDomains.All
            from step in Enum.GetValues<MaturityStep>()
            where Find(domain, step) is null
            select (domain, step)];
}

/// <summary>
/// The default matrix. The descriptors are short paraphrases, in our own words, of NHS England's PCN maturity matrix
/// (PCN Development Support prospectus, 2019, pp. 26–27; as reproduced in the BNSSG PCCC papers). They are a summary
/// for the portal, not the official text; an administrator can replace them.
/// </summary>
public static class MaturityMatrix
{
    public const string DefaultName = "NHS England PCN maturity matrix 2019";

    public static MaturityMatrixVersion Default { get; } = new(DefaultName,
    [
        // Leadership, planning and partnerships
        new(MaturityDomain.LeadershipPlanningAndPartnerships, MaturityStep.Foundation,
            "The PCN can describe where it wants to get to and how, having involved practices, local people, community and voluntary groups; its clinical director can get leadership development.",
            "The system helps practices form networks and neighbourhood working, puts people and money behind PCN development, and supports clinical directors in their new role."),
        new(MaturityDomain.LeadershipPlanningAndPartnerships, MaturityStep.Step1,
            "Member organisations share agreed development priorities, plan jointly with wider community services, work with other PCNs where scale helps, and take part in place and system decisions.",
            "Primary care has a voice in system and place planning; there is a system strategy and funding for PCN development; leaders help clinical directors learn from one another."),
        new(MaturityDomain.LeadershipPlanningAndPartnerships, MaturityStep.Step2,
            "The PCN makes strategic and operational decisions with all providers working in its area, has governance for partnership working, and its clinical director shares learning across the system.",
            "Primary care actively shapes system decisions (for example urgent care); every PCN is represented at system level; clinical directors work together to help other PCNs."),
        new(MaturityDomain.LeadershipPlanningAndPartnerships, MaturityStep.Step3,
            "PCN leaders take full part in place and system decisions, confident and with the data they need.",
            "Primary care leaders sit as decision makers in system and place leadership, allocating resources and delivering care with partners."),

        // Use of data and population health management
        new(MaturityDomain.DataAndPopulationHealthManagement, MaturityStep.Foundation,
            "The PCN uses the data it already has to understand its population's needs and see where health could improve.",
            "The system is building PHM foundations for PCNs: easy access to data, information governance and analytical help."),
        new(MaturityDomain.DataAndPopulationHealthManagement, MaturityStep.Step1,
            "Variation between practices is analysed and acted on; the population is segmented into key groups so targeted work can begin, using data and local knowledge from several sources.",
            "Basic data sharing, shared population definitions and governance are in place, with some linked data across primary, community and hospital care."),
        new(MaturityDomain.DataAndPopulationHealthManagement, MaturityStep.Step2,
            "Clinicians can see the information they need to find at-risk patients and act early, with shared protocols, real-time activity data and records that work across the network.",
            "Digital infrastructure lets PCNs and partners share records; analysts, real-time data and PHM tools help PCNs understand rising-risk groups and design care."),
        new(MaturityDomain.DataAndPopulationHealthManagement, MaturityStep.Step3,
            "Routine, in-depth population analysis, including wider determinants, drives proactive and personalised care for every cohort and tackles inequalities.",
            "Records are fully shared across providers; partners co-design proactive, evidence-based care for priority groups to reduce inequalities."),

        // Integrating care
        new(MaturityDomain.IntegratingCare, MaturityStep.Foundation,
            "The PCN is starting local plans for joined-up care, guided by national and local priorities, and knows which partners it needs to approach.",
            "The system helps PCNs build relationships with physical and mental health providers and social care."),
        new(MaturityDomain.IntegratingCare, MaturityStep.Step1,
            "Integrated teams are working in the network; plans exist for multidisciplinary working, rapid community response and personalised care, with care models, gaps and workforce needs mapped.",
            "The system keeps building provider relationships and its workforce plans support integrated neighbourhood teams."),
        new(MaturityDomain.IntegratingCare, MaturityStep.Step2,
            "New care models cover most population groups, with teams spanning social care, mental health and the voluntary sector, peer review, and HR and governance that let multi-agency teams work well.",
            "Partnerships across all sectors keep multidisciplinary teams developing, and workforce sharing agreements are in place."),
        new(MaturityDomain.IntegratingCare, MaturityStep.Step3,
            "Fully integrated teams with the right skill mix share one view of the patient; every high-risk patient has a coordinated care plan; IT, staff and estates are shared as needed.",
            "The system has put integrated care models in place that meet the Long Term Plan's aims."),

        // Managing resources
        new(MaturityDomain.ManagingResources, MaturityStep.Foundation,
            "General practice has the capacity, and the people with the right skills, to make change happen.",
            "The system has a plan for managing shared financial resources that includes PCNs, and development funding is meeting PCN needs."),
        new(MaturityDomain.ManagingResources, MaturityStep.Step1,
            "The PCN is making primary care more efficient (for example through Time to Care) and helps practices that are struggling to deliver core services.",
            "The system helps PCNs become more efficient and make the best use of their resources."),
        new(MaturityDomain.ManagingResources, MaturityStep.Step2,
            "The PCN can see how resources are used and how this affects the wider system, and can try new local incentive schemes.",
            "The system gives networks sight of resource use and system impact and lets them pilot incentive schemes."),
        new(MaturityDomain.ManagingResources, MaturityStep.Step3,
            "The PCN jointly manages the money flowing to it and uses data in every interaction to spend it well.",
            "The system helps PCNs take joint responsibility for their resources and use data to make the most of them."),

        // Working in partnership with people and communities
        new(MaturityDomain.WorkingWithPeopleAndCommunities, MaturityStep.Foundation,
            "The PCN has agreed how it will engage its communities, keeps people informed and gives them ways to shape the network.",
            "The system gives PCNs expert help to involve local people and communities."),
        new(MaturityDomain.WorkingWithPeopleAndCommunities, MaturityStep.Step1,
            "The PCN talks directly with its population, has mapped local community assets, and has working links with voluntary groups and Healthwatch.",
            "The system helps PCNs map community assets with local people so social prescribing and personalised care can work."),
        new(MaturityDomain.WorkingWithPeopleAndCommunities, MaturityStep.Step2,
            "The PCN routinely works with community assets to meet needs, and what local people and the voluntary sector say informs its decisions.",
            "The system fosters partnerships with community assets in each PCN area and is developing a strategy for communities facing the greatest inequalities."),
        new(MaturityDomain.WorkingWithPeopleAndCommunities, MaturityStep.Step3,
            "Voluntary and community organisations are part of the network; community voices are built into planning and decisions, and services are designed with the whole community.",
            "Community assets and partnerships built by PCNs feed into place and system strategic planning."),
    ]);
}
